import Foundation
import GatewayCore
import GatewayJOSE
import Synchronization

/// The gateway's JWKS for verifying logout tokens, fetched from `jwks_uri` when first
/// needed, kept for the `max-age` the gateway allows, and refetched when a token names a
/// key it does not hold (at most once per `minimumRefetchSeconds`, so forged `kid`s cannot
/// make the app hammer the gateway).
final class KeySetCache: Sendable {
    private struct State {
        var keys: JSONWebKeySet?
        var validUntil: Double = 0
        var lastFetch: Double = -.infinity
    }

    private let url: String
    private let connection: GatewayConnection
    private let clock: any Clock
    private let minimumRefetchSeconds: Double
    private let defaultMaxAge: Double = 300
    private let state = Mutex(State())

    init(url: String, connection: GatewayConnection, clock: any Clock, minimumRefetchSeconds: Double = 10) {
        self.url = url
        self.connection = connection
        self.clock = clock
        self.minimumRefetchSeconds = minimumRefetchSeconds
    }

    /// The current key set; `refresh` asks for a new copy (honoured when the last fetch is
    /// old enough).
    func keys(refresh: Bool = false) throws(DemoFailure) -> JSONWebKeySet {
        let now = clock.monotonicSeconds()
        let cached = state.withLock { current -> JSONWebKeySet? in
            guard let keys = current.keys else { return nil }
            if !refresh, now < current.validUntil { return keys }
            return now - current.lastFetch < minimumRefetchSeconds ? keys : nil
        }
        if let cached { return cached }
        state.withLock { $0.lastFetch = now }
        let answer = try connection.get(url, label: "GET jwks_uri")
        guard answer.status == 200, let keys = try? JSONWebKeySet(json: answer.body) else {
            throw .gatewayUnavailable("GET jwks_uri: HTTP \(answer.status) or not a JWKS")
        }
        let maxAge = Self.maxAge(answer.headers["cache-control"]) ?? defaultMaxAge
        state.withLock { $0.keys = keys; $0.validUntil = now + maxAge }
        return keys
    }

    /// `max-age` of a Cache-Control value; `no-store`/`no-cache` mean 0.
    static func maxAge(_ header: String?) -> Double? {
        guard let header else { return nil }
        var result: Double?
        for directive in header.lowercased().split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.first == "no-store" || parts.first == "no-cache" { return 0 }
            if parts.first == "max-age", parts.count == 2, let seconds = Double(parts[1]), seconds >= 0 { result = seconds }
        }
        return result
    }
}
