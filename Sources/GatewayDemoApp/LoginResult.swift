public import GatewayCore

/// What one completed login produced, kept in the demo session (memory only) to show on
/// the home page and to refresh and log out with.
public struct LoginResult: Sendable, Equatable {
    /// The raw ID token, sent back as `id_token_hint` at logout.
    public var idToken: String
    /// The ID token's claims (verified).
    public var idTokenClaims: [String: JSONValue]
    /// `sub` of the ID token.
    public var subject: String
    /// `sid` of the ID token, when the gateway sent one (back-channel logout matches on it).
    public var sessionID: String?
    /// The access token (bearer for userinfo).
    public var accessToken: String
    /// The access token's claims when it verified as an RFC 9068 JWT.
    public var accessTokenClaims: [String: JSONValue]?
    /// Why the access token's claims are not shown, when they are not.
    public var accessTokenProblem: String?
    /// The refresh token, when the gateway issued one.
    public var refreshToken: String?
    /// The userinfo response, when the call succeeded.
    public var userinfo: [String: JSONValue]?
    /// Why there is no userinfo response, when there is none.
    public var userinfoProblem: String?
    /// How many refreshes succeeded in this session.
    public var refreshCount = 0

    /// A result; the optional parts are filled in as the callback proceeds.
    public init(idToken: String, idTokenClaims: [String: JSONValue], subject: String, sessionID: String?, accessToken: String,
                refreshToken: String?) {
        self.idToken = idToken
        self.idTokenClaims = idTokenClaims
        self.subject = subject
        self.sessionID = sessionID
        self.accessToken = accessToken
        self.refreshToken = refreshToken
    }
}
