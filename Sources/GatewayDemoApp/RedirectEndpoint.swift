import Foundation

/// The parts of a redirect URI the demo application listens on: host, port and path.
struct RedirectEndpoint {
    /// The address to listen on: the URI's host when it is an IP literal, else 127.0.0.1.
    let listenHost: String
    /// The URI's port, or the scheme's default.
    let port: UInt16
    /// The URI's path (where the callback is served).
    let path: String
    /// Whether the scheme is https.
    let secure: Bool

    /// Splits `uri`; `field` names it in errors.
    init(_ uri: String, field: String) throws(DemoAppConfigurationError) {
        guard let components = URLComponents(string: uri), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty else {
            throw DemoAppConfigurationError(field: field, reason: "the demo app needs an http(s) redirect URI with a host")
        }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65535).contains(port) else { throw DemoAppConfigurationError(field: field, reason: "port \(port) is out of range") }
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        listenHost = Self.isIPLiteral(bare) ? bare : "127.0.0.1"
        self.port = UInt16(port)
        path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        secure = scheme == "https"
    }

    /// Whether `host` is an IPv4 or IPv6 literal (what the HTTP server can bind).
    static func isIPLiteral(_ host: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }
}
