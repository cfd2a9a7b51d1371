/// What the server hands complete requests to. Called on the server's worker threads,
/// synchronously: implementations must be thread-safe.
public protocol HTTPResponder: Sendable {
    /// The response to a complete request.
    func respond(to request: HTTPRequest) -> HTTPResponse
    /// The response to a request whose body exceeded `limit` bytes (the body is not read).
    func bodyTooLarge(_ request: HTTPRequest, limit: Int) -> HTTPResponse
    /// True when answering `request` blocks for long: the server then answers it on a
    /// thread of its own while the connection is suspended.
    func isBlocking(_ request: HTTPRequest) -> Bool
}

extension HTTPResponder {
    /// By default nothing blocks.
    public func isBlocking(_ request: HTTPRequest) -> Bool { false }
}
