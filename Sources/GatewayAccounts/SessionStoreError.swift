/// Why the session store could not answer. Carries no session id or patron.
public enum SessionStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store cannot be reached or answered with an error: answer 503 and never treat
    /// the request as logged in or out. `detail` is technical, for logs.
    case unavailable(detail: String)

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .unavailable(let detail): "session store unavailable: \(detail)"
        }
    }
}
