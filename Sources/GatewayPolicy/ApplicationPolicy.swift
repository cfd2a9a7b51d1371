/// One partner application's policy: who it is, how it authenticates, where patrons may be
/// sent back to, which libraries subscribe to it, what it may learn about a patron and how
/// long its tokens live. Field names follow OAuth 2 Dynamic Client Registration (RFC 7591)
/// and OIDC client metadata where those define one.
///
/// Every value is valid: values come only from `PolicyParser` (or `Decodable`, which goes
/// through it), so code that holds a policy never re-checks it. Editing means producing a
/// new JSON document and parsing it again.
public struct ApplicationPolicy: Sendable, Equatable {
    /// OAuth 2 `client_id`: 1–64 characters of `a-z 0-9 . _ -`, starting with a letter or digit.
    public let clientID: String
    /// Name shown to patrons on the login and consent pages.
    public let displayName: String
    /// The company that runs the application (the processor the patron's data goes to).
    public let supplier: String
    /// Free text for admins.
    public let description: String?
    /// Confidential (server-side, has a credential) or public (PKCE only).
    public let clientType: ClientType
    /// How the client authenticates; always allowed for `clientType`.
    public let tokenEndpointAuthMethod: TokenEndpointAuthMethod
    /// Argon2id PHC hash of the client secret, for the `client_secret_*` methods; nil when
    /// the gateway has not generated a secret yet (such a client cannot authenticate).
    public let clientSecretHash: String?
    /// The client's public keys; present exactly when the method is `private_key_jwt`.
    public let publicKeys: PublicKeySource?
    /// Exact redirect URIs (compared as strings; no wildcards).
    public let redirectURIs: [String]
    /// Exact URIs RP-initiated logout may redirect to.
    public let postLogoutRedirectURIs: [String]
    /// Where logout tokens are posted (OIDC Back-Channel Logout 1.0).
    public let backchannelLogoutURI: String?
    /// Whether logout tokens carry `sid` (`backchannel_logout_session_required`).
    public let backchannelLogoutSessionRequired: Bool
    /// The supplier's privacy statement for this application, linked from the consent page.
    public let policyURI: String?
    /// Which libraries' patrons may use the application.
    public let libraries: LibrarySubscription
    /// Scopes the client may request; always contains `openid`.
    public let allowedScopes: [Scope]
    /// Whether username and e-mail are disclosed, and why.
    public let functionalCommunication: FunctionalCommunication
    /// Further disclosures the application may ask consent for.
    public let extraConsents: [ExtraConsent]
    /// Algorithm of the client's ID tokens.
    public let idTokenSignedResponseAlg: SigningAlgorithm
    /// Which `sub` the client sees (always public, see `SubjectType`).
    public let subjectType: SubjectType
    /// Token and code lifetimes.
    public let tokenLifetimes: TokenLifetimes
    /// Seconds during which a just-rotated refresh token may be presented again without
    /// revoking its family (for clients that retry on a lost response); 0 turns it off.
    public let refreshTokenReuseGraceSeconds: Int
    /// Whether the application may be used at all; inactive applications are refused.
    public let active: Bool

    /// Allowed values of `refreshTokenReuseGraceSeconds`.
    public static let refreshTokenReuseGraceRange = 0...10
}
