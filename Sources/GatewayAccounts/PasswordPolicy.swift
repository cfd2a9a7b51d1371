import GatewayCrypto

/// The password rules of NIST SP 800-63B §5.1.1.2 for memorized secrets: at least 8
/// characters, at least 64 allowed (we allow 256), any Unicode, no composition rules, and
/// no common, dictionary-based or context-specific passwords.
///
/// Pure: the blocklist comes in through `CommonPasswordChecker`. Rejections never carry
/// the password.
public struct PasswordPolicy: Sendable {
    /// Fewest characters (Unicode code points, after NFKC) a password may have.
    public let minimumLength: Int
    /// Most characters a password may have.
    public let maximumLength: Int
    private let checker: any CommonPasswordChecker
    /// Inputs longer than this many UTF-8 bytes are refused before they are normalised,
    /// so a hostile form field cannot make normalisation expensive.
    private static let maximumInputBytes = 16_384

    /// A policy refusing what `checker` finds; `minimumLength` must be at least 8 and
    /// `maximumLength` at least 64 (SP 800-63B).
    public init(checker: any CommonPasswordChecker, minimumLength: Int = 8, maximumLength: Int = 256) {
        precondition(minimumLength >= 8, "SP 800-63B: passwords of at least 8 characters")
        precondition(maximumLength >= 64 && maximumLength >= minimumLength, "SP 800-63B: allow at least 64 characters")
        self.checker = checker
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
    }

    /// The NFKC form of `password` (the form that is hashed) when it is acceptable for the
    /// patron with `username` and `email`.
    /// - Throws: the first rule it breaks, with a message fit for the registration page.
    public func validate(
        _ password: String, username: String? = nil, email: String? = nil
    ) throws(PasswordRejection) -> String {
        guard password.utf8.count <= Self.maximumInputBytes else { throw .tooLong(maximum: maximumLength) }
        let normalized = Self.normalized(password)
        let length = normalized.unicodeScalars.count
        if length < minimumLength { throw .tooShort(minimum: minimumLength) }
        if length > maximumLength { throw .tooLong(maximum: maximumLength) }
        let personal = [username, email].compactMap { $0.map(Self.normalized) }
        if let rejection = checker.rejection(for: normalized, personalWords: personal) { throw rejection }
        return normalized
    }

    /// NFKC (Unicode compatibility composition), as SP 800-63B §5.1.1.2 recommends, so
    /// `ﬁ`/`fi` and full-width/ASCII forms are one password; the same form the hashing
    /// pool hashes.
    public static func normalized(_ password: String) -> String {
        PasswordHashingPool.normalized(password)
    }
}
