public import GatewayCore
public import GatewayPolicy
import GatewayTokens

/// `grant_type=authorization_code` (RFC 6749 §4.1.3, RFC 7636 §4.6, OIDC Core §3.1.3):
/// the code is consumed atomically; it must belong to this client, come with the same
/// redirect URI and the PKCE verifier. A code presented a second time revokes every token
/// issued from it (RFC 6749 §4.1.2).
public struct AuthorizationCodeGrant: GrantHandler {
    /// `authorization_code`.
    public let grantType = "authorization_code"
    private let codes: any AuthorizationCodeStore
    private let minter: TokenMinter

    /// The grant over the code store and the minter.
    public init(codes: any AuthorizationCodeStore, minter: TokenMinter) {
        self.codes = codes
        self.minter = minter
    }

    /// Exchanges the code.
    public func handle(_ parameters: OAuthParameters, client: ApplicationPolicy, now: Instant) throws(OAuthError) -> TokenResponse {
        let presented = try parameters.required("code")
        let redirectURI = try parameters.required("redirect_uri")
        let verifier = try parameters.required("code_verifier")
        let code = try redeem(presented)
        guard code.clientID == client.clientID else { throw Self.invalid("code of another client") }
        guard code.redirectURI == redirectURI else { throw Self.invalid("redirect_uri differs from the authorization request") }
        guard PKCE.verify(verifier, challenge: code.codeChallenge) else { throw Self.invalid("PKCE verifier does not match") }
        let lifetime = Double(client.tokenLifetimes.authorizationCodeSeconds)
        guard now.secondsSinceEpoch <= code.issuedAt.secondsSinceEpoch + lifetime else { throw Self.invalid("code expired") }
        let patron = try minter.eligiblePatron(code.mylibraryID, policy: client)
        return try issue(code, patron: patron, client: client, now: now)
    }

    private func redeem(_ presented: String) throws(OAuthError) -> AuthorizationCode {
        guard let token = OpaqueToken(presented) else { throw Self.invalid("malformed code") }
        let outcome: CodeRedemption
        do { outcome = try codes.consume(codeHash: token.hash) } catch { throw OAuthError.unavailable("code store: \(error)") }
        switch outcome {
        case .fresh(let code): return code
        case .unknown: throw Self.invalid("unknown or expired code")
        case .replayed(let grantID):
            do { try minter.grants.revoke(grantID: grantID) } catch { throw OAuthError.unavailable("grant store: \(error)") }
            throw Self.invalid("code replayed; its grant was revoked")
        }
    }

    private func issue(_ code: AuthorizationCode, patron: PatronRecord, client: ApplicationPolicy, now: Instant) throws(OAuthError)
        -> TokenResponse {
        let facts = AuthorizationFacts(requestedScopes: Set(code.scopes), requestedClaims: Set(code.requestedClaims), nonce: code.nonce,
                                       authTime: code.authTime, sessionID: code.sid, acr: code.acr)
        let accessTokenID = minter.newTokenID()
        let tokens = try minter.sign(patron, policy: client, facts: facts, now: now, idToken: true, accessTokenID: accessTokenID)
        let refresh = tokens.scope.contains("offline_access") ? OpaqueToken.generate(using: minter.random) : nil
        let lifetimes = client.tokenLifetimes
        let grant = Grant(grantID: code.grantID, clientID: client.clientID, mylibraryID: code.mylibraryID, scopes: tokens.scope.sorted(),
                          requestedClaims: code.requestedClaims, authTime: code.authTime, sid: code.sid, acr: code.acr, createdAt: now,
                          expiresAt: Instant(secondsSinceEpoch: now.secondsSinceEpoch + Double(lifetimes.refreshTokenAbsoluteSeconds)),
                          idleSeconds: lifetimes.refreshTokenIdleSeconds)
        do {
            try minter.grants.start(grant, refreshTokenHash: refresh?.hash, accessTokenID: accessTokenID,
                                    accessTokenSeconds: tokens.expiresIn, at: now)
        } catch {
            throw OAuthError.unavailable("grant store: \(error)")
        }
        return TokenResponse(accessToken: tokens.accessToken, expiresIn: tokens.expiresIn, scope: tokens.scope, idToken: tokens.idToken,
                             refreshToken: refresh?.value)
    }

    private static func invalid(_ detail: String) -> OAuthError {
        OAuthError(.invalidGrant, "The authorization code is invalid, expired or already used.", detail: detail)
    }
}
