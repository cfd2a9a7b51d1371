internal import Foundation

/// What a username may look like, and the normal form that makes usernames unique.
///
/// Normalisation is Unicode NFKC plus case folding (lowercasing), after trimming
/// surrounding white space: "Jan", "JAN" and the fullwidth "ｊａｎ" are the same username.
/// A valid username has 3 to 32 characters (of the normal form), each a letter, a decimal
/// digit, `.`, `_` or `-`, and does not start or end with punctuation. It never contains
/// `@`, so a login name with `@` is always an e-mail address.
public enum UsernameRules {
    /// Fewest characters a username may have.
    public static let minimumLength = 3
    /// Most characters a username may have.
    public static let maximumLength = 32
    // Hostile input is refused before Unicode normalisation, which is linear but not free.
    private static let maximumInputBytes = 512
    private static let punctuation: Set<Character> = [".", "_", "-"]

    /// The normal form of `input`, for uniqueness and lookups (also of login input that
    /// was never validated).
    public static func normalize(_ input: String) -> String {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        // Lowercasing can leave decomposed sequences behind (e.g. "İ"), hence NFKC twice.
        return trimmed.precomposedStringWithCompatibilityMapping.lowercased().precomposedStringWithCompatibilityMapping
    }

    /// The username `input` stands for, or why it is not acceptable.
    public static func validate(_ input: String) throws(UsernameProblem) -> Username {
        guard input.utf8.count <= maximumInputBytes else { throw .tooLong(maximum: maximumLength) }
        let normalized = normalize(input)
        if normalized.count < minimumLength { throw .tooShort(minimum: minimumLength) }
        if normalized.count > maximumLength { throw .tooLong(maximum: maximumLength) }
        guard normalized.allSatisfy(isAllowed) else { throw .invalidCharacter }
        if let first = normalized.first, let last = normalized.last,
           punctuation.contains(first) || punctuation.contains(last) {
            throw .punctuationAtEdge
        }
        // Shown as chosen, case included, but width-mapped like RFC 8265's case-preserved
        // profile: a fullwidth "Ｊａｎ" is displayed (and put in tokens) as "Jan".
        let display = input.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCompatibilityMapping
        return Username(display: display, normalized: normalized)
    }

    /// A letter or decimal digit (possibly with combining marks, as in many scripts), or
    /// one of the three punctuation characters. Everything else, including invisible
    /// joiners, symbols and emoji, is refused.
    private static func isAllowed(_ character: Character) -> Bool {
        if punctuation.contains(character) { return true }
        let scalars = character.unicodeScalars
        guard let base = scalars.first, isLetterOrDigit(base) else { return false }
        return scalars.dropFirst().allSatisfy(isMark)
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark: return true
        default: return false
        }
    }
}
