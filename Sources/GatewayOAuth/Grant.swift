public import GatewayCore

/// One authorization grant: the family of tokens that descend from one authorization code
/// (RFC 6819 §5.2.2.3). Access tokens record the grant they came from and refresh tokens
/// rotate inside it, so revoking the grant (a replayed code, a reused refresh token, a
/// revocation request) ends every token of the family at once.
public struct Grant: Sendable, Equatable {
    /// Random id (128 bits, hex); the authorization code carries it.
    public let grantID: String
    /// The client the grant belongs to; its refresh tokens are bound to it.
    public let clientID: String
    /// The patron (Mylibrary-id).
    public let mylibraryID: String
    /// Granted scopes.
    public let scopes: [String]
    /// Claim names asked for through the `claims` parameter.
    public let requestedClaims: [String]
    /// `auth_time` of the login that started it.
    public let authTime: Instant
    /// The SSO session's `sid` at the start.
    public let sid: String
    /// Authentication context class.
    public let acr: String?
    /// When the grant started (the code exchange).
    public let createdAt: Instant
    /// The absolute end of the family's refresh tokens (policy: refresh_token_absolute_seconds).
    public let expiresAt: Instant
    /// Refresh tokens die after this long unused (policy: refresh_token_idle_seconds).
    public let idleSeconds: Int

    /// A grant with every field given.
    public init(grantID: String, clientID: String, mylibraryID: String, scopes: [String], requestedClaims: [String],
                authTime: Instant, sid: String, acr: String?, createdAt: Instant, expiresAt: Instant, idleSeconds: Int) {
        self.grantID = grantID
        self.clientID = clientID
        self.mylibraryID = mylibraryID
        self.scopes = scopes
        self.requestedClaims = requestedClaims
        self.authTime = authTime
        self.sid = sid
        self.acr = acr
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.idleSeconds = idleSeconds
    }
}
