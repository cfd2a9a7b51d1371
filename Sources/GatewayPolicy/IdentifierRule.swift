/// Rules for the identifiers in a policy: lowercase ASCII, so they compare exactly and are
/// safe in URLs, file names and logs.
struct IdentifierRule {
    let punctuation: String
    let firstMayBeDigit: Bool
    static let maximumLength = 64

    /// `client_id`: `a-z 0-9 . _ -`, starting with a letter or digit.
    static let clientID = IdentifierRule(punctuation: "._-", firstMayBeDigit: true)
    /// Library ids: `a-z 0-9 -`, starting with a letter or digit.
    static let library = IdentifierRule(punctuation: "-", firstMayBeDigit: true)
    /// Extra-consent ids such as `loan_history`: `a-z 0-9 _`, starting with a letter.
    static let consent = IdentifierRule(punctuation: "_", firstMayBeDigit: false)

    /// Why `identifier` is not acceptable, or nil.
    func problem(_ identifier: String) -> String? {
        let bytes = Array(identifier.utf8)
        let valid = (1...Self.maximumLength).contains(bytes.count)
            && bytes.allSatisfy { isLetterOrDigit($0) || punctuation.utf8.contains($0) }
            && isAllowedFirst(bytes[0])
        guard !valid else { return nil }
        let characters = (["a-z", "0-9"] + punctuation.map { "'\($0)'" }).joined(separator: ", ")
        let start = firstMayBeDigit ? "a letter or digit" : "a letter"
        return "must be 1 to \(Self.maximumLength) characters of \(characters), starting with \(start), got \(FieldPath.quoted(identifier))"
    }

    private func isLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private func isAllowedFirst(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (firstMayBeDigit && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte))
    }
}
