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
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecode(String(parts[0]), plusIsSpace: true)
            let value = parts.count > 1 ? percentDecode(String(parts[1]), plusIsSpace: true) : ""
            return QueryItem(name: name, value: value)
        }
    }

    /// Replaces `%XX` escapes (and `+` when `plusIsSpace`) with the bytes they stand for.
    public static func percentDecode(_ text: String, plusIsSpace: Bool = false) -> String {
        PercentDecoding.lenient(text, plusIsSpace: plusIsSpace)
    }
}
