/// Percent-decoding (RFC 3986 §2.1) in its two flavours: strict for configuration values
/// (a broken escape is an error) and lenient for request input (kept literally).
public enum PercentDecoding {
    /// Why strict decoding failed.
    public enum Failure: Error, Sendable {
        /// A `%` not followed by two hex digits.
        case badEscape
        /// The decoded bytes are not UTF-8.
        case invalidUTF8
    }

    /// Decodes `%XX` escapes, refusing malformed escapes and non-UTF-8 results.
    public static func strict(_ text: Substring) throws(Failure) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { throw .badEscape }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8 }
        return decoded
    }

    /// Decodes `%XX` escapes (and `+` as space when `plusIsSpace`, as in form data);
    /// malformed escapes stay literal and invalid UTF-8 becomes U+FFFD, so input is never lost.
    public static func lenient(_ text: String, plusIsSpace: Bool = false) -> String {
        var text = text
        return text.withUTF8 { input in
            needsDecoding(input, plusIsSpace: plusIsSpace) ? decode(input, plusIsSpace: plusIsSpace) : nil
        } ?? text
    }

    /// `lenient` on UTF-8 bytes (e.g. one field of a form body).
    public static func lenient(_ input: UnsafeBufferPointer<UInt8>, plusIsSpace: Bool = false) -> String {
        needsDecoding(input, plusIsSpace: plusIsSpace) ? decode(input, plusIsSpace: plusIsSpace) : String(decoding: input, as: UTF8.self)
    }

    private static func needsDecoding(_ input: UnsafeBufferPointer<UInt8>, plusIsSpace: Bool) -> Bool {
        input.contains { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }
    }

    private static func decode(_ input: UnsafeBufferPointer<UInt8>, plusIsSpace: Bool) -> String {
        var output = [UInt8]()
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "%"), index + 2 < input.count,
               let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The value of one hex digit, or nil.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
