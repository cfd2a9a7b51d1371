public import GatewayCore
public import GatewayPolicy
import GatewayTokens

/// `grant_type=refresh_token` (RFC 6749 §6, RFC 9700 §4.14.2): the refresh token is bound to
/// its client and rotated at every use; presenting a rotated token again revokes the whole
/// family, except within the policy's grace window, where the same successor is returned.
/// A new access token is issued; the ID token is not re-issued (OIDC Core §12.2).
public struct RefreshTokenGrant: GrantHandler {
    /// `refresh_token`.
    public let grantType = "refresh_token"
    private let minter: TokenMinter

    /// The grant over the minter (and through it the grant store).
    public init(minter: TokenMinter) { self.minter = minter }

    /// Rotates the refresh token and issues a new access token.
    public func handle(_ parameters: OAuthParameters, client: ApplicationPolicy, now: Instant) throws(OAuthError) -> TokenResponse {
        guard let presented = OpaqueToken(try parameters.required("refresh_token")) else { throw Self.invalid("malformed refresh token") }
        let requested = try parameters.single("scope") == nil ? nil : try parameters.scopes()
        let successor = OpaqueToken.generate(using: minter.random)
        let accessTokenID = minter.newTokenID()
        let outcome: RotationOutcome
        do {
            outcome = try minter.grants.rotate(presented, successor: successor, clientID: client.clientID, accessTokenID: accessTokenID,
                                               accessTokenSeconds: client.tokenLifetimes.accessTokenSeconds,
                                               graceSeconds: client.refreshTokenReuseGraceSeconds, at: now)
        } catch {
            throw OAuthError.unavailable("grant store: \(error)")
        }
        let (grant, refreshToken) = try Self.unpack(outcome, successor: successor)
        let patron = try minter.eligiblePatron(grant.mylibraryID, policy: client)
        // RFC 6749 §6: a scope may narrow the grant, never widen it. Scopes beyond the grant
        // are dropped as at the authorization endpoint (§3.3), since clients commonly resend
        // what they first asked for, including scopes the policy did not allow.
        let granted = Set(grant.scopes)
        let facts = AuthorizationFacts(requestedScopes: requested.map { $0.intersection(granted) } ?? granted, requestedClaims: Set(grant.requestedClaims),
                                       authTime: grant.authTime, sessionID: grant.sid, acr: grant.acr)
        let tokens = try minter.sign(patron, policy: client, facts: facts, now: now, idToken: false, accessTokenID: accessTokenID)
        return TokenResponse(accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, scope: tokens.scope, idToken: nil,
                             refreshToken: refreshToken.value)
    }

    private static func unpack(_ outcome: RotationOutcome, successor: OpaqueToken) throws(OAuthError) -> (Grant, OpaqueToken) {
        switch outcome {
        case .rotated(let grant): return (grant, successor)
        case .retried(let grant, let earlier): return (grant, earlier)
        case .reused: throw invalid("rotated refresh token presented again; family revoked")
        case .invalid: throw invalid("unknown, expired, revoked or another client's refresh token")
        }
    }

    private static func invalid(_ detail: String) -> OAuthError {
        OAuthError(.invalidGrant, "The refresh token is invalid, expired or revoked.", detail: detail)
    }
}
