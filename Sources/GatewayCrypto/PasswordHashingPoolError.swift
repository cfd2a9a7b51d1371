/// Why the hashing pool did not give an answer. Never carries the password.
public enum PasswordHashingPoolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Every slot is busy and the wait queue is full (or the wait ran out): answer 503
    /// with `Retry-After: retryAfterSeconds`.
    case saturated(retryAfterSeconds: Int)
    /// libargon2 failed, e.g. the stored hash is not a valid Argon2id PHC string.
    case hashingFailed(code: Int32)

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .saturated(let seconds): "password hashing pool saturated (retry after \(seconds) s)"
        case .hashingFailed(let code): Argon2Error(code: code).description
        }
    }
}
