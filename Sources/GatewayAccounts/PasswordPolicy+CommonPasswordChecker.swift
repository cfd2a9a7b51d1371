public import GatewayCrypto

/// A source of "this password is too common": the cracklib-backed `CommonPasswords` in
/// production, a fixed list in tests.
public protocol CommonPasswordChecker: Sendable {
    /// Why `password` (NFKC-normalised) must be refused, or nil. `personalWords` are the
    /// patron's own username and e-mail address.
    func rejection(for password: String, personalWords: [String]) -> PasswordRejection?
}

extension CommonPasswords: CommonPasswordChecker {
    /// The cracklib and own-list finding as a rejection.
    public func rejection(for password: String, personalWords: [String]) -> PasswordRejection? {
        switch finding(for: password, personalWords: personalWords) {
        case nil: nil
        case .dictionaryWord: .dictionaryWord
        case .commonPassword: .commonPassword
        case .tooSimple: .tooSimple
        case .personalInformation: .containsPersonalInformation
        }
    }
}
