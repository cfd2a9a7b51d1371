import Foundation
import GatewayCore
import GatewayCrypto
import GatewayVerifier
import Synchronization

/// Fetches discovery lazily — on the first request that needs the gateway — with a few
/// attempts, so the demo app may start before the gateway is ready. A success is kept;
/// a failure is not, so the next request tries again.
final class ProviderDirectory: Sendable {
    private let configuration: DemoAppConfiguration
    private let connection: GatewayConnection
    private let clock: any Clock
    private let cached = Mutex<Provider?>(nil)

    init(configuration: DemoAppConfiguration, connection: GatewayConnection, clock: any Clock) {
        self.configuration = configuration
        self.connection = connection
        self.clock = clock
    }

    /// `<issuer>/.well-known/openid-configuration` (Discovery §4.1: a trailing slash of the
    /// issuer is not doubled).
    var discoveryURL: String {
        (configuration.issuer.hasSuffix("/") ? String(configuration.issuer.dropLast()) : configuration.issuer)
            + "/.well-known/openid-configuration"
    }

    /// The provider, fetching discovery first when needed.
    func provider() throws(DemoFailure) -> Provider {
        if let provider = cached.withLock({ $0 }) { return provider }
        var failure = DemoFailure.discovery("no attempt was made")
        for attempt in 0..<max(1, configuration.discoveryAttempts) {
            if attempt > 0 { Thread.sleep(forTimeInterval: configuration.discoveryRetrySeconds) }
            do {
                let provider = try fetch()
                return cached.withLock { current in
                    if current == nil { current = provider }
                    return current!
                }
            } catch {
                failure = error
            }
        }
        throw failure
    }

    private func fetch() throws(DemoFailure) -> Provider {
        let answer: GatewayConnection.Answer
        do { answer = try connection.get(discoveryURL, label: "GET discovery") } catch {
            if case .gatewayUnavailable(let reason) = error { throw .discovery(reason) }
            throw error
        }
        guard answer.status == 200 else { throw .discovery("the discovery document answered HTTP \(answer.status)") }
        let metadata = try ProviderMetadata(json: answer.body, expectedIssuer: configuration.issuer)
        guard let jwks = URL(string: metadata.jwksURI) else { throw .discovery("jwks_uri is not a URL") }
        let source = HTTPKeySetSource(url: jwks, timeout: configuration.outboundTimeoutSeconds)
        let idTokens = GatewayVerifier(issuer: metadata.issuer, audience: configuration.clientID, keySource: source,
                                       allowedAlgorithms: [configuration.idTokenAlgorithm], clock: clock)
        let accessTokens = GatewayVerifier(issuer: metadata.issuer, audience: configuration.clientID, keySource: source, clock: clock)
        return Provider(metadata: metadata, idTokens: idTokens, accessTokens: accessTokens,
                        keys: KeySetCache(url: metadata.jwksURI, connection: connection, clock: clock))
    }
}
