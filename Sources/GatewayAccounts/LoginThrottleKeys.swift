import GatewayCore
import GatewayCrypto

/// Pseudonymous names for throttle counters: HMAC-SHA-256 (RFC 2104) of the account name
/// or IP address under a per-deployment pepper, so a store dump holds neither, and
/// without the pepper the names cannot be confirmed by hashing guesses.
public struct LoginThrottleKeys: Sendable {
    private let pepper: [UInt8]

    /// Keys under `pepper`, a secret of at least 16 random bytes from configuration.
    public init(pepper: [UInt8]) {
        precondition(pepper.count >= 16, "the login-throttle pepper must be at least 16 bytes")
        self.pepper = pepper
    }

    /// The counter name of `account` (64 hex digits).
    public func account(_ account: String) -> String { name(purpose: "account", value: account) }

    /// The counter name of `ip` (64 hex digits).
    public func ip(_ ip: String) -> String { name(purpose: "ip", value: ip) }

    /// `purpose` separates the domains, so an account named like an address never shares its counter.
    private func name(purpose: String, value: String) -> String {
        Hex.encode(HMACSHA256.mac(key: pepper, message: Array(purpose.utf8) + [0] + Array(value.utf8)))
    }
}
