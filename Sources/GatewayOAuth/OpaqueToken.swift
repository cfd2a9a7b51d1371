public import GatewayCore
import GatewayCrypto
import GatewayJOSE

/// An opaque secret handed to a client: authorization codes and refresh tokens. 256 random
/// bits, base64url (43 characters). Stores keep only `hash`; the value itself exists only
/// in the response that hands it out and in the client.
public struct OpaqueToken: Sendable, Hashable, CustomStringConvertible {
    /// The value the client holds.
    public let value: String
    static let byteCount = 32

    /// The token a client presented, or nil when it cannot be one we issued (wrong length
    /// or alphabet), so garbage never reaches a store.
    public init?(_ value: String) {
        guard value.utf8.count == Base64URL.encodedCount(Self.byteCount), let bytes = Base64URL.decode(value),
              bytes.count == Self.byteCount else { return nil }
        self.value = value
    }

    /// A fresh token from `random`.
    public static func generate(using random: any RandomSource) -> OpaqueToken {
        OpaqueToken(Base64URL.encode(random.bytes(byteCount)))!
    }

    /// What stores keep: SHA-256 of the value, 64 hex digits.
    public var hash: String { Hex.encode(SHA256.digest(value)) }

    /// `successor` encrypted so that only the holder of this token can read it back: XOR
    /// with HMAC-SHA-256(this token, "successor"). The grace window of refresh-token
    /// rotation keeps this instead of the successor in clear (the store holds only the
    /// SHA-256 of this token, which does not give the pad). Hex.
    public func seal(_ successor: OpaqueToken) -> String {
        Hex.encode(zip(Base64URL.decode(successor.value)!, pad).map { $0 ^ $1 })
    }

    /// What a rotation stores for a retry of this token: the sealed successor when the
    /// policy has a grace window, else nothing (no retry can use it, so no HMAC is spent).
    public func sealForRetry(_ successor: OpaqueToken, graceSeconds: Int) -> String {
        graceSeconds > 0 ? seal(successor) : ""
    }

    /// The successor sealed by `seal`, or nil when `sealed` is not one.
    public func unseal(_ sealed: String) -> OpaqueToken? {
        guard let bytes = Self.hexBytes(sealed), bytes.count == Self.byteCount else { return nil }
        return OpaqueToken(Base64URL.encode(zip(bytes, pad).map { $0 ^ $1 }))
    }

    /// Never the value, so a token cannot leak through a log line.
    public var description: String { "OpaqueToken(redacted)" }

    private var pad: [UInt8] { HMACSHA256.mac(key: Array(value.utf8), message: Array("successor".utf8)) }

    private static func hexBytes(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
