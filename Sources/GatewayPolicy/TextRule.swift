/// Rules for the human-readable texts of a policy, which the consent and login pages show.
struct TextRule {
    let minimum: Int
    let maximum: Int
    let allowsNewlines: Bool

    static let name = TextRule(minimum: 1, maximum: 100, allowsNewlines: false)
    static let purpose = TextRule(minimum: 10, maximum: 500, allowsNewlines: false)
    static let consentText = TextRule(minimum: 10, maximum: 500, allowsNewlines: false)
    static let adminNote = TextRule(minimum: 0, maximum: 1_000, allowsNewlines: true)

    /// Why `text` is not acceptable, or nil. Lengths count characters as people see them,
    /// leading and trailing whitespace excluded from the minimum.
    func problem(_ text: String) -> String? {
        if minimum > 0, text.unicodeScalars.allSatisfy(\.properties.isWhitespace) { return "must not be empty" }
        if text.count > maximum { return "must be at most \(maximum) characters" }
        if trimmed(text).count < minimum { return "must be at least \(minimum) characters" }
        if text.unicodeScalars.contains(where: isRefused) {
            return "must not contain control or bidirectional-override characters"
        }
        return nil
    }

    /// Control characters would break single-line display and logs; bidirectional overrides
    /// could make a consent text read differently from what was approved.
    private func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        if allowsNewlines, scalar == "\n" { return false }
        if scalar.properties.generalCategory == .control { return true }
        return (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    private func trimmed(_ text: String) -> Substring {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return text[start..<max(start, end)]
    }
}
