public import GatewayCore

/// What the gateway knows about a patron that may ever reach a token. Municipality, birth
/// date, gender and loan history are deliberately absent: claim assembly cannot leak what
/// it is never given.
public struct PatronClaimsSource: Sendable, Equatable {
    /// Random, opaque, never reused; also the `sub`.
    public var mylibraryID: String
    /// The patron's library.
    public var library: String
    /// Login name.
    public var username: String
    /// E-mail address.
    public var email: String
    /// Whether the address was confirmed.
    public var emailVerified: Bool
    /// GDPR Art. 18: processing restricted.
    public var processingRestricted: Bool

    /// A patron.
    public init(mylibraryID: String, library: String, username: String, email: String, emailVerified: Bool,
                processingRestricted: Bool) {
        self.mylibraryID = mylibraryID
        self.library = library
        self.username = username
        self.email = email
        self.emailVerified = emailVerified
        self.processingRestricted = processingRestricted
    }
}

/// The parts of an application policy that decide claims.
public struct ClaimPolicy: Sendable, Equatable {
    /// The application's client id (`aud`, `azp`, `client_id`).
    public var clientID: String
    /// `functional_communication.needed`.
    public var functionalCommunicationNeeded: Bool
    /// Scopes the application may receive.
    public var allowedScopes: Set<String>

    /// A claim policy.
    public init(clientID: String, functionalCommunicationNeeded: Bool, allowedScopes: Set<String>) {
        self.clientID = clientID
        self.functionalCommunicationNeeded = functionalCommunicationNeeded
        self.allowedScopes = allowedScopes
    }
}

/// What the authorization produced: scopes asked for, the `claims` parameter, and the
/// technical facts of the login.
public struct AuthorizationFacts: Sendable, Equatable {
    /// Scopes the client asked for (the policy decides which are granted).
    public var requestedScopes: Set<String>
    /// Claim names asked for through the `claims` parameter or a request object. They are
    /// recorded for audit and never widen what is released.
    public var requestedClaims: Set<String>
    /// `nonce` from the authorization request.
    public var nonce: String?
    /// When the patron authenticated.
    public var authTime: Instant
    /// SSO session id for logout (`sid`).
    public var sessionID: String?
    /// Authentication context class.
    public var acr: String?

    /// Facts of one authorization.
    public init(requestedScopes: Set<String>, requestedClaims: Set<String> = [], nonce: String? = nil, authTime: Instant,
                sessionID: String? = nil, acr: String? = nil) {
        self.requestedScopes = requestedScopes
        self.requestedClaims = requestedClaims
        self.nonce = nonce
        self.authTime = authTime
        self.sessionID = sessionID
        self.acr = acr
    }
}

/// Issuer, time and identifiers of one issuance.
public struct IssuanceFacts: Sendable, Equatable {
    /// `iss`.
    public var issuer: String
    /// `iat` / `nbf`.
    public var now: Instant
    /// Seconds until `exp`.
    public var lifetimeSeconds: Int
    /// `jti`.
    public var tokenID: String

    /// Facts of one token.
    public init(issuer: String, now: Instant, lifetimeSeconds: Int, tokenID: String) {
        self.issuer = issuer
        self.now = now
        self.lifetimeSeconds = lifetimeSeconds
        self.tokenID = tokenID
    }
}
