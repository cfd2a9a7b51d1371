public import GatewayCore

/// A patron's Mylibrary-id: 128 random bits as 26 lowercase base32 characters
/// (RFC 4648 alphabet, no padding), e.g. `k5q3vx7m2ahd4ewyzj6ucno3ra`.
///
/// Opaque and never derived from anything about the patron, so it reveals nothing and
/// cannot be recomputed; never reused, even after the account is erased.
public struct MylibraryID: Sendable, Hashable, CustomStringConvertible {
    /// Number of random bytes in an identifier (128 bits).
    public static let randomByteCount = 16
    /// Number of characters in the encoded form.
    public static let length = 26
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)

    /// The encoded identifier.
    public let rawValue: String

    /// Accepts an identifier in the encoded form (from a token, a URL or the admin CLI);
    /// nil when it is not 26 characters of the lowercase base32 alphabet.
    public init?(rawValue: String) {
        let bytes = Array(rawValue.utf8)
        guard bytes.count == Self.length, bytes.allSatisfy(Self.alphabet.contains) else { return nil }
        self.rawValue = rawValue
    }

    private init(encoded: String) { rawValue = encoded }

    /// A fresh identifier from `random` (the secure source in production).
    public static func generate(using random: any RandomSource) -> MylibraryID {
        MylibraryID(encoded: encode(random.bytes(randomByteCount)))
    }

    /// The encoded identifier.
    public var description: String { rawValue }

    /// Base32 of `bytes`, five bits per character, the last character zero-padded.
    private static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(length)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                output.append(alphabet[Int((buffer >> UInt32(bits)) & 0x1F)])
            }
        }
        if bits > 0 { output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1F)]) }
        return String(decoding: output, as: UTF8.self)
    }
}
