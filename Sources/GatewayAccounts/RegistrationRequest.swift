/// What the registration form sent. Secrets (card PIN, passwords) live only as long as
/// the request.
public struct RegistrationRequest: Sendable {
    public var library: String
    public var cardNumber: String
    public var cardSecret: String
    public var username: String
    public var email: String
    public var password: String
    public var passwordAgain: String
    public var directMarketing: Bool
    public var language: PatronLanguage

    /// A request.
    public init(library: String, cardNumber: String, cardSecret: String, username: String, email: String, password: String,
                passwordAgain: String, directMarketing: Bool, language: PatronLanguage) {
        self.library = library
        self.cardNumber = cardNumber
        self.cardSecret = cardSecret
        self.username = username
        self.email = email
        self.password = password
        self.passwordAgain = passwordAgain
        self.directMarketing = directMarketing
        self.language = language
    }
}

/// One reason a registration was refused, tied to a form field. None of them says who
/// holds a username, an e-mail address or a card (no account enumeration).
public enum RegistrationProblem: Sendable, Equatable {
    case libraryMissing
    case cardRejected
    case membershipExpired
    case cardAlreadyLinked
    case username(UsernameProblem)
    case usernameUnavailable
    case email(EmailProblem)
    case emailUnavailable
    case password(PasswordRejection)
    case passwordsDiffer

    /// The form field the problem belongs to.
    public var field: String {
        switch self {
        case .libraryMissing: "library"
        case .cardRejected, .membershipExpired, .cardAlreadyLinked: "card_number"
        case .username, .usernameUnavailable: "username"
        case .email, .emailUnavailable: "email"
        case .password: "password"
        case .passwordsDiffer: "password_again"
        }
    }
}

/// How a registration ended.
public enum RegistrationOutcome: Sendable {
    /// The account exists now.
    case registered(PatronAccount)
    /// Nothing was stored; every problem found is listed.
    case refused([RegistrationProblem])
    /// The library system could not be asked; nothing was stored.
    case libraryUnavailable
    /// Password hashing is saturated; nothing was stored.
    case busy(retryAfterSeconds: Int)
}
