extension Substring {
    /// Without leading and trailing spaces and horizontal tabs (HTTP's optional whitespace,
    /// RFC 9110 §5.6.3). Works on the UTF-8 bytes: no Foundation, no grapheme breaking.
    public var trimmingSpaces: String {
        let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first..<utf8.index(after: last)])
    }
}

extension String {
    /// Without leading and trailing spaces and horizontal tabs (see `Substring.trimmingSpaces`).
    public var trimmingSpaces: String { self[...].trimmingSpaces }
}
