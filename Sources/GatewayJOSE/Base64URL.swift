/// base64url without padding (RFC 7515 §2, RFC 4648 §5), strict on input: padding,
/// whitespace, the standard alphabet's `+` `/` and non-zero trailing bits are refused,
/// so every value has exactly one encoding.
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
    private static let reverse: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (value, symbol) in alphabet.enumerated() { table[Int(symbol)] = UInt8(value) }
        return table
    }()

    /// Encodes `bytes`.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        encode(bytes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the encoding of `bytes` to `out` (for building a JWS in one buffer).
    public static func encode(_ bytes: [UInt8], into out: inout [UInt8]) {
        let input = bytes.span, symbols = alphabet.span
        out.append(addingCapacity: encodedCount(input.count)) { output in
            func emit(_ chunk: UInt32, count: Int) {
                for shift in stride(from: 18, to: 18 - 6 * count, by: -6) {
                    output.append(symbols[Int(chunk >> UInt32(shift) & 0x3F)])
                }
            }
            var index = 0
            while index + 3 <= input.count {
                emit(UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2]), count: 4)
                index += 3
            }
            switch input.count - index {
            case 1: emit(UInt32(input[index]) << 16, count: 2)
            case 2: emit(UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8, count: 3)
            default: break
            }
        }
    }

    /// Length of the unpadded encoding of `count` bytes.
    public static func encodedCount(_ count: Int) -> Int { (count * 4 + 2) / 3 }

    /// Encodes the UTF-8 bytes of `text`.
    public static func encode(_ text: String) -> String { encode(Array(text.utf8)) }

    /// Decodes `text`, or nil when it is not canonical unpadded base64url.
    public static func decode<S: StringProtocol>(_ text: S) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 4 != 1 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity(input.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for symbol in input {
            let value = reverse[Int(symbol)]
            guard value != 0xFF else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        // Leftover bits must be zero, otherwise two strings would decode to the same bytes.
        guard accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return out
    }
}
