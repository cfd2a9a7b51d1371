/// Why the login throttle could not decide. Carries no account name or address.
public enum LoginThrottleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The counter store cannot be reached or answered with an error: refuse the login
    /// with 503 (fail closed). `detail` is technical, for logs.
    case unavailable(detail: String)

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .unavailable(let detail): "login throttle unavailable: \(detail)"
        }
    }
}
