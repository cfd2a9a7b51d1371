public import GatewayCore

/// Everything the gateway holds about one patron (DESIGN.md, "Data the gateway holds").
///
/// Consents per application live in their own store. Municipality, birth date and gender
/// are for aggregated statistics only and never go into a token.
public struct PatronAccount: Sendable, Equatable {
    /// Random, opaque identifier; the `sub` and `mylibrary_id` claims.
    public var mylibraryID: MylibraryID
    /// The username as chosen (for display) and its normalised, unique form.
    public var username: Username
    /// The e-mail address as given and its normalised, unique form.
    public var email: EmailAddress
    /// Argon2id hash of the password as a PHC string.
    public var passwordHash: String
    /// Identifier of the patron's library (as listed by the library system).
    public var libraryID: String
    /// The library system's reference for the linked membership; one account per
    /// (library, reference).
    public var membershipReference: String
    /// Municipality of residence, for statistics only.
    public var municipality: String?
    /// Date of birth, for statistics only.
    public var birthDate: CalendarDate?
    /// Gender, for statistics only.
    public var gender: PatronGender?
    /// Whether the patron agreed to direct marketing (GDPR Art. 21); off unless chosen.
    public var directMarketingOptIn: Bool
    /// Language of pages and messages.
    public var language: PatronLanguage
    /// When the account was created.
    public var createdAt: Instant
    /// When the patron last logged in successfully, nil before the first login.
    public var lastLoginAt: Instant?
    /// Whether tokens may be issued (`active`) or processing is restricted (Art. 18).
    public var status: PatronStatus

    /// An account; the optional statistics fields and the preferences default to
    /// "not given", no marketing, Dutch, active, never logged in.
    public init(
        mylibraryID: MylibraryID, username: Username, email: EmailAddress, passwordHash: String,
        libraryID: String, membershipReference: String, createdAt: Instant,
        municipality: String? = nil, birthDate: CalendarDate? = nil, gender: PatronGender? = nil,
        directMarketingOptIn: Bool = false, language: PatronLanguage = .dutch,
        lastLoginAt: Instant? = nil, status: PatronStatus = .active
    ) {
        self.mylibraryID = mylibraryID
        self.username = username
        self.email = email
        self.passwordHash = passwordHash
        self.libraryID = libraryID
        self.membershipReference = membershipReference
        self.createdAt = createdAt
        self.municipality = municipality
        self.birthDate = birthDate
        self.gender = gender
        self.directMarketingOptIn = directMarketingOptIn
        self.language = language
        self.lastLoginAt = lastLoginAt
        self.status = status
    }
}
