/// JSON string literal escaping (RFC 8259 §7), also escaping U+2028/U+2029 so the
/// output is safe inside JavaScript too.
public enum JSONString {
    /// Appends `value` as a quoted, escaped JSON string.
    public static func append(_ value: String, to text: inout String) {
        guard needsEscaping(value) else {
            text.append("\"")
            text.append(value)
            text.append("\"")
            return
        }
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        text += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `value` as a quoted, escaped JSON string, as UTF-8 bytes.
    public static func append(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        if !needsEscaping(value) {
            bytes.append(contentsOf: value.utf8)
        } else {
            for scalar in value.unicodeScalars { appendEscaped(scalar, to: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        switch scalar {
        case "\"": bytes.append(contentsOf: #"\""#.utf8)
        case "\\": bytes.append(contentsOf: #"\\"#.utf8)
        case "\n": bytes.append(contentsOf: #"\n"#.utf8)
        case "\r": bytes.append(contentsOf: #"\r"#.utf8)
        case "\t": bytes.append(contentsOf: #"\t"#.utf8)
        case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
            let hex = String(scalar.value, radix: 16)
            bytes.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        default:
            bytes.append(contentsOf: scalar.utf8)
        }
    }

    /// Whether any byte of `value` may need escaping (a plain loop over its bytes: far
    /// cheaper than `contains(where:)` on the UTF-8 view for the short strings of a token).
    private static func needsEscaping(_ value: String) -> Bool {
        let utf8 = value.utf8.span
        for index in utf8.indices where needsEscape(utf8[index]) { return true }
        return false
    }

    /// Bytes that may need escaping: controls, quote, backslash, and the lead byte of
    /// U+2028/U+2029 (0xE2), which the slow path then checks exactly.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2
    }
}
