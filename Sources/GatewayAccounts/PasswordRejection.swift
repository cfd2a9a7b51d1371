/// Why a new password is refused. Messages explain the rule without judging the patron
/// and never repeat the password.
public enum PasswordRejection: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer characters than the minimum.
    case tooShort(minimum: Int)
    /// More characters than the maximum.
    case tooLong(maximum: Int)
    /// On a list of passwords that are tried first in attacks.
    case commonPassword
    /// Built on a dictionary word.
    case dictionaryWord
    /// A sequence, a keyboard pattern or too few different characters.
    case tooSimple
    /// Contains the username or e-mail address.
    case containsPersonalInformation

    /// A stable identifier for translations and tests.
    public var code: String {
        switch self {
        case .tooShort: "password_too_short"
        case .tooLong: "password_too_long"
        case .commonPassword: "password_common"
        case .dictionaryWord: "password_dictionary_word"
        case .tooSimple: "password_too_simple"
        case .containsPersonalInformation: "password_personal_information"
        }
    }

    /// English text for the registration page (the web layer translates by `code`).
    public var message: String {
        switch self {
        case .tooShort(let minimum): "Choose a password of at least \(minimum) characters."
        case .tooLong(let maximum): "Choose a password of at most \(maximum) characters."
        case .commonPassword: "This password is on a list of often-used passwords, so it is easy to guess. " + Self.advice
        case .dictionaryWord: "This password is based on a dictionary word, so it is easy to guess. " + Self.advice
        case .tooSimple: "This password follows a simple pattern, so it is easy to guess. " + Self.advice
        case .containsPersonalInformation:
            "This password contains your username or e-mail address, so it is easy to guess. Please choose another one."
        }
    }

    private static let advice = "Please choose another one; a few unrelated words work well."

    /// The code, for logs.
    public var description: String { code }
}
