import GatewayCore

/// One HTTP request as the protocol handlers see it: already decoded, body complete,
/// client address already resolved through the trusted proxies.
public struct HTTPRequest: Sendable {
    /// Upper-case method token, e.g. `GET`.
    public var method: String
    /// Percent-decoded path without the query, e.g. `/healthz`.
    public var path: String
    /// Query parameters in order, form-decoded; duplicates are kept so protocol code can
    /// reject them (RFC 6749 §3.1).
    public var queryItems: [QueryItem]
    /// Request header fields.
    public var headers: HTTPHeaders
    /// `HTTP/1.1` or `HTTP/1.0`.
    public var version: String = "HTTP/1.1"
    /// The request body (empty when none).
    public var body: [UInt8]
    /// The address of the TCP peer.
    public var peerAddress: String
    /// The client's address: the peer, or what a trusted proxy reported for it.
    public var clientAddress: String
    /// `http` or `https`: the scheme the client used (from a trusted proxy, or the listener's).
    public var scheme: String

    /// A request; `clientAddress` defaults to `peerAddress`.
    public init(method: String, path: String, queryItems: [QueryItem] = [], headers: HTTPHeaders = HTTPHeaders(),
                body: [UInt8] = [], peerAddress: String = "127.0.0.1", scheme: String = "http") {
        self.method = method
        self.path = path
        self.queryItems = queryItems
        self.headers = headers
        self.body = body
        self.peerAddress = peerAddress
        self.clientAddress = peerAddress
        self.scheme = scheme
    }

    /// Cookies from every `Cookie` header (RFC 6265 §5.4); the first of a name wins.
    public var cookies: [String: String] {
        var jar: [String: String] = [:]
        for header in headers.values("Cookie") {
            for pair in header.split(separator: ";") {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                let name = pair[..<equals].trimmingSpaces
                var value = pair[pair.index(after: equals)...].trimmingSpaces
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
                if !name.isEmpty, jar[name] == nil { jar[name] = value }
            }
        }
        return jar
    }

    /// Every value of query parameter `name`.
    public func queryValues(_ name: String) -> [String] { queryItems.filter { $0.name == name }.map(\.value) }
}

/// One `name=value` pair of a query string or form body.
public struct QueryItem: Sendable, Equatable {
    /// Decoded name.
    public var name: String
    /// Decoded value (empty when the pair had no `=`).
    public var value: String

    /// A pair.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
