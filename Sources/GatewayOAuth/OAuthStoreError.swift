/// Why a code, grant or consent store could not answer. Carries no token, code or patron.
public enum OAuthStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store cannot be reached or answered with an error: the endpoint answers 503
    /// (or `temporarily_unavailable`) and issues nothing. `detail` is technical, for logs.
    case unavailable(detail: String)

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .unavailable(let detail): "oauth store unavailable: \(detail)"
        }
    }
}
