public import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where the verifier gets the gateway's JWKS: the bytes and how long they may be cached.
public protocol KeySetSource: Sendable {
    /// The current JWKS document and its `Cache-Control: max-age` (nil when absent).
    func fetch() async throws -> (body: [UInt8], maxAge: Double?)
}

/// Fetches the JWKS over HTTP(S) with URLSession.
public struct HTTPKeySetSource: KeySetSource {
    /// The `jwks_uri`.
    public let url: URL
    /// Request timeout in seconds.
    public let timeout: TimeInterval

    /// A source for `url`.
    public init(url: URL, timeout: TimeInterval = 5) {
        self.url = url
        self.timeout = timeout
    }

    /// GETs the document; non-200 answers are errors.
    public func fetch() async throws -> (body: [UInt8], maxAge: Double?) {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let (data, response) = try await URLSession.shared.data(for: request)
        guard let http = response as? HTTPURLResponse, http.statusCode == 200 else {
            throw GatewayVerifierError.keySetUnavailable("HTTP status \((response as? HTTPURLResponse)?.statusCode ?? 0)")
        }
        return (Array(data), Self.maxAge(http.value(forHTTPHeaderField: "Cache-Control")))
    }

    /// The `max-age` directive of a Cache-Control value (`no-store`/`no-cache` mean 0).
    static func maxAge(_ header: String?) -> Double? {
        guard let header else { return nil }
        var result: Double?
        for directive in header.lowercased().split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts[0] == "no-store" || parts[0] == "no-cache" { return 0 }
            if parts[0] == "max-age", parts.count == 2, let seconds = Double(parts[1]), seconds >= 0 { result = seconds }
        }
        return result
    }
}
