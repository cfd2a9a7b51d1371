public import GatewayCore

/// What an authorization code stands for (RFC 6749 §4.1.2): everything the token endpoint
/// needs to check the exchange and mint tokens, bound to one client, one redirect URI and
/// one PKCE challenge. Stored only under the hash of the code itself.
public struct AuthorizationCode: Sendable, Equatable {
    /// The grant the code starts: tokens issued from it belong to this family, so a replayed
    /// code can revoke them (RFC 6749 §4.1.2, "SHOULD revoke").
    public let grantID: String
    /// The client the code was issued to.
    public let clientID: String
    /// The exact `redirect_uri` of the authorization request.
    public let redirectURI: String
    /// PKCE `code_challenge` (RFC 7636 §4.2, method S256 only).
    public let codeChallenge: String
    /// The patron (Mylibrary-id).
    public let mylibraryID: String
    /// Scopes granted (requested ∩ allowed by the policy).
    public let scopes: [String]
    /// Claim names asked for through the `claims` parameter (recorded, never widening).
    public let requestedClaims: [String]
    /// `nonce` of the authorization request.
    public let nonce: String?
    /// When the patron authenticated (`auth_time`).
    public let authTime: Instant
    /// The SSO session's `sid`.
    public let sid: String
    /// Authentication context class, when one applies.
    public let acr: String?
    /// When the code was issued.
    public let issuedAt: Instant

    /// A code with every field given.
    public init(grantID: String, clientID: String, redirectURI: String, codeChallenge: String, mylibraryID: String,
                scopes: [String], requestedClaims: [String], nonce: String?, authTime: Instant, sid: String, acr: String?,
                issuedAt: Instant) {
        self.grantID = grantID
        self.clientID = clientID
        self.redirectURI = redirectURI
        self.codeChallenge = codeChallenge
        self.mylibraryID = mylibraryID
        self.scopes = scopes
        self.requestedClaims = requestedClaims
        self.nonce = nonce
        self.authTime = authTime
        self.sid = sid
        self.acr = acr
        self.issuedAt = issuedAt
    }
}
