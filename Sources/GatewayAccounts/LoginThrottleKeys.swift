import GatewayCrypto

/// Pseudonymous names for throttle counters: HMAC-SHA-256 (RFC 2104) of the account name
/// or IP address under a per-deployment pepper, so a store dump holds neither, and
/// without the pepper the names cannot be confirmed by hashing guesses.
public struct LoginThrottleKeys: Sendable {
    private let innerPad: [UInt8]
    private let outerPad: [UInt8]
    private static let blockSize = 64

    /// Keys under `pepper`, a secret of at least 16 random bytes from configuration.
    public init(pepper: [UInt8]) {
        precondition(pepper.count >= 16, "the login-throttle pepper must be at least 16 bytes")
        var key = pepper.count > Self.blockSize ? SHA256.digest(pepper) : pepper
        key += [UInt8](repeating: 0, count: Self.blockSize - key.count)
        innerPad = key.map { $0 ^ 0x36 }
        outerPad = key.map { $0 ^ 0x5c }
    }

    /// The counter name of `account` (64 hex digits).
    public func account(_ account: String) -> String { name(purpose: "account", value: account) }

    /// The counter name of `ip` (64 hex digits).
    public func ip(_ ip: String) -> String { name(purpose: "ip", value: ip) }

    /// `purpose` separates the domains, so an account named like an address never shares its counter.
    private func name(purpose: String, value: String) -> String {
        let message = Array(purpose.utf8) + [0] + Array(value.utf8)
        return Self.hex(SHA256.digest(outerPad + SHA256.digest(innerPad + message)))
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }
}
