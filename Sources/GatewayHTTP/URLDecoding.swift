import GatewayCore

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
        var text = text
        return text.withUTF8 { formDecode(bytes: $0) }
    }

    /// Decodes a form body (`application/x-www-form-urlencoded`) straight from its bytes;
    /// bytes that are not UTF-8 become U+FFFD, as when the body is read as text first.
    public static func formDecode(_ body: [UInt8]) -> [QueryItem] {
        body.withUnsafeBufferPointer { formDecode(bytes: $0) }
    }

    /// Splits on `&` and the first `=` of each pair, on bytes: no `Character` (grapheme)
    /// work, which the token endpoints would otherwise pay on every request.
    private static func formDecode(bytes: UnsafeBufferPointer<UInt8>) -> [QueryItem] {
        var items: [QueryItem] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.count
            if end > start {
                let pair = bytes[start..<end]
                if let equals = pair.firstIndex(of: UInt8(ascii: "=")) {
                    items.append(QueryItem(name: PercentDecoding.lenient(UnsafeBufferPointer(rebasing: pair[..<equals]), plusIsSpace: true),
                                           value: PercentDecoding.lenient(UnsafeBufferPointer(rebasing: pair[(equals + 1)...]), plusIsSpace: true)))
                } else {
                    items.append(QueryItem(name: PercentDecoding.lenient(UnsafeBufferPointer(rebasing: pair), plusIsSpace: true), value: ""))
                }
            }
            start = end + 1
        }
        return items
    }

    /// Replaces `%XX` escapes (and `+` when `plusIsSpace`) with the bytes they stand for.
    public static func percentDecode(_ text: String, plusIsSpace: Bool = false) -> String {
        PercentDecoding.lenient(text, plusIsSpace: plusIsSpace)
    }
}
