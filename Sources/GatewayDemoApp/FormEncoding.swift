/// `application/x-www-form-urlencoded` and query-string encoding: every byte outside
/// RFC 3986's unreserved set is percent-encoded, so values survive any decoder.
enum FormEncoding {
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// `value` with every byte but `A-Z a-z 0-9 - . _ ~` written as `%XX`.
    static func encode(_ value: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count)
        for byte in value.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `a=1&b=2`, names and values encoded, in the given order.
    static func encode(_ fields: [(String, String)]) -> String {
        fields.map { encode($0.0) + "=" + encode($0.1) }.joined(separator: "&")
    }

    /// `url` with `fields` appended as its query (after `?`, or `&` when it has one).
    static func url(_ url: String, adding fields: [(String, String)]) -> String {
        url + (url.contains("?") ? "&" : "?") + encode(fields)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
