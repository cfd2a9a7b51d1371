/// Brute-force protection for the login form: failure counters per account and per client
/// IP address, with a temporary lockout that grows with further failures. Counters expire
/// by themselves.
///
/// `account` is a stable name of the account being tried: the mylibrary id when the login
/// name resolves to an account, otherwise the case-folded login name as typed, so the
/// username and the e-mail address share one counter and unknown names lock out exactly
/// like real ones. `ip` is the client address (for IPv6, its /64 prefix).
///
/// A login runs `check` first and, only when allowed, verifies the password and then
/// records the outcome. Implementations fail closed: when their store is down every call
/// throws `.unavailable` and the caller answers 503.
public protocol LoginThrottle: Sendable {
    /// Whether a login for `account` from `ip` may be attempted now.
    func check(account: String, ip: String) throws(LoginThrottleError) -> ThrottleDecision

    /// Counts a failed login against `account` and `ip`; returns the decision for the next
    /// attempt (locked out once a threshold is reached).
    @discardableResult
    func recordFailure(account: String, ip: String) throws(LoginThrottleError) -> ThrottleDecision

    /// Clears the counter of `account` after a successful login. The per-IP counter is kept,
    /// so an attacker spraying many accounts from one address cannot reset it by logging
    /// into their own.
    func recordSuccess(account: String) throws(LoginThrottleError)
}

/// Whether a login attempt may go ahead.
public enum ThrottleDecision: Sendable, Equatable {
    /// Go ahead and verify the password.
    case allowed
    /// Refuse without verifying; `retryAfter` is whole seconds (at least 1) until the
    /// lockout ends.
    case lockedOut(retryAfter: Int)
}
