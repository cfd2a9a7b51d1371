/// Percent-decoding of request targets and `application/x-www-form-urlencoded` data
/// (WHATWG URL §5.1). Invalid escapes are kept literally, invalid UTF-8 is replaced,
/// so decoding never fails and never drops input silently.
public enum URLDecoding {
    /// Splits a request target into its decoded path and query items.
    public static func splitTarget(_ target: String) -> (path: String, query: [QueryItem]) {
        guard let mark = target.firstIndex(of: "?") else { return (percentDecode(target), []) }
        let path = percentDecode(String(target[..<mark]))
        return (path, formDecode(String(target[target.index(after: mark)...])))
    }

    /// Decodes `a=1&b=x+y` into items; `+` means space here.
    public static func formDecode(_ text: String) -> [QueryItem] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecode(String(parts[0]), plusIsSpace: true)
            let value = parts.count > 1 ? percentDecode(String(parts[1]), plusIsSpace: true) : ""
            return QueryItem(name: name, value: value)
        }
    }

    /// Replaces `%XX` escapes (and `+` when `plusIsSpace`) with the bytes they stand for.
    public static func percentDecode(_ text: String, plusIsSpace: Bool = false) -> String {
        let input = Array(text.utf8)
        guard input.contains(UInt8(ascii: "%")) || (plusIsSpace && input.contains(UInt8(ascii: "+"))) else { return text }
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

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
