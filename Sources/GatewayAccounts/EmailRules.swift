internal import Foundation

/// What an e-mail address may look like, and its normal form.
///
/// Deliberately lenient: the only real check is sending mail to it. Refused are what
/// cannot be an address in practice: no `@`, an empty or over-long (> 64 bytes) part
/// before it, white space, control or RFC 5322 special characters (quoted local parts,
/// rare in practice, included), and a domain that is not at least two dot-separated labels
/// of letters, digits and inner hyphens (Unicode letters allowed for internationalised
/// domains). At most 254 bytes in all (RFC 5321 §4.5.3.1.3). Uniqueness is
/// case-insensitive over the whole address, so the normal form is lowercased.
public enum EmailRules {
    /// Most UTF-8 bytes an address may have.
    public static let maximumLength = 254
    private static let maximumLocalPartLength = 64
    private static let maximumLabelLength = 63
    private static let forbiddenInLocalPart = Set("\"(),:;<>[\\]@")

    /// The normal form of `input`, for uniqueness and lookups (also of login input that
    /// was never validated).
    public static func normalize(_ input: String) -> String {
        input.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping.lowercased()
    }

    /// The address `input` stands for, or why it is not acceptable.
    public static func validate(_ input: String) throws(EmailProblem) -> EmailAddress {
        let display = input.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        if display.isEmpty { throw .empty }
        if display.utf8.count > maximumLength { throw .tooLong(maximum: maximumLength) }
        guard let at = display.lastIndex(of: "@") else { throw .missingAtSign }
        let local = display[..<at]
        let domain = display[display.index(after: at)...]
        guard isValidLocalPart(local) else { throw .invalidLocalPart }
        guard isValidDomain(domain) else { throw .invalidDomain }
        return EmailAddress(display: display, normalized: normalize(display))
    }

    private static func isValidLocalPart(_ local: Substring) -> Bool {
        guard !local.isEmpty, local.utf8.count <= maximumLocalPartLength else { return false }
        return local.unicodeScalars.allSatisfy { scalar in
            !isSpaceOrControl(scalar) && !forbiddenInLocalPart.contains(Character(scalar))
        }
    }

    private static func isValidDomain(_ domain: Substring) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy(isValidLabel)
    }

    private static func isValidLabel(_ label: Substring) -> Bool {
        guard !label.isEmpty, label.utf8.count <= maximumLabelLength,
              label.first != "-", label.last != "-" else { return false }
        return label.unicodeScalars.allSatisfy { scalar in
            scalar == "-" || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
                || scalar.properties.generalCategory == .nonspacingMark
                || scalar.properties.generalCategory == .spacingMark
        }
    }

    private static func isSpaceOrControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format
    }
}
