public import GatewayCore
import GatewayCrypto

/// The secret naming a session: 256 random bits as 64 lowercase hex digits. It goes into
/// the cookie and nowhere else; stores keep only `storageKey`, its SHA-256, so a store
/// dump yields no usable cookie.
public struct SessionID: Sendable, Hashable, CustomStringConvertible {
    /// The value for the cookie, exactly as it was issued.
    public let cookieValue: String
    private static let randomBytes = 32
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The id in a cookie, or nil when the value cannot be one we issued (wrong length or
    /// characters), so garbage never reaches the store.
    public init?(cookieValue: String) {
        let bytes = cookieValue.utf8
        guard bytes.count == Self.randomBytes * 2, bytes.allSatisfy(Self.hexDigits.contains) else { return nil }
        self.cookieValue = cookieValue
    }

    /// A fresh id of 256 bits from `random`.
    public static func generate(using random: any RandomSource) -> SessionID {
        SessionID(cookieValue: random.hex(randomBytes))!
    }

    /// The name a store keeps the session under: SHA-256 of the id, 64 hex digits.
    public var storageKey: String {
        let digest = SHA256.digest(cookieValue)
        return String(decoding: digest.flatMap { [Self.hexDigits[Int($0 >> 4)], Self.hexDigits[Int($0 & 0x0F)]] }, as: UTF8.self)
    }

    /// Never the id itself, so it cannot leak through a log line.
    public var description: String { "SessionID(redacted)" }
}
