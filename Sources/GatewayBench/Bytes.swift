/// Byte-string searches.
enum Bytes {
    /// Index of the first occurrence of `needle` in `haystack` (ASCII case folded if asked), or nil.
    static func find(_ needle: [UInt8], in haystack: [UInt8], caseInsensitive: Bool = false) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        let fold: (UInt8) -> UInt8 = caseInsensitive ? { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } : { $0 }
        var index = 0
        while index <= haystack.count - needle.count {
            var matched = 0
            while matched < needle.count, fold(haystack[index + matched]) == needle[matched] { matched += 1 }
            if matched == needle.count { return index }
            index += 1
        }
        return nil
    }
}
