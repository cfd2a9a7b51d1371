import GatewayPolicy
public import GatewayCore

/// The revocation endpoint (RFC 7009): client-authenticated. A refresh token revokes its
/// whole grant, including the access tokens issued from it (§2.1 "SHOULD"); an access token
/// revokes itself. Unknown, malformed or expired tokens are answered with success (§2.2);
/// a token issued to another client is refused with `unauthorized_client` and left alone.
public struct Revocation: Sendable {
    private let authenticator: ClientAuthenticator
    private let verifier: OwnTokenVerifier
    private let grants: any GrantStore
    private let clock: any Clock

    /// Revocation over the grant store.
    public init(authenticator: ClientAuthenticator, verifier: OwnTokenVerifier, grants: any GrantStore, clock: any Clock) {
        self.authenticator = authenticator
        self.verifier = verifier
        self.grants = grants
        self.clock = clock
    }

    /// Revokes the token named in `parameters`; returns normally for every 200 answer.
    public func handle(authorization: String?, parameters: OAuthParameters) throws(OAuthError) {
        let client = try authenticator.authenticate(authorization: authorization, parameters: parameters)
        let token = try parameters.required("token")
        _ = try parameters.single("token_type_hint")
        do {
            if let refresh = OpaqueToken(token) {
                guard let grant = try grants.grant(refreshTokenHash: refresh.hash, at: clock.now()) else { return }
                guard grant.clientID == client.clientID else { throw Self.notYours }
                try grants.revoke(grantID: grant.grantID)
            } else if let claims = verifier.accessToken(token, now: clock.now(), checkExpiry: false),
                      case .string(let clientID)? = claims["client_id"], case .string(let jti)? = claims["jti"] {
                guard clientID == client.clientID else { throw Self.notYours }
                try grants.revoke(accessTokenID: jti)
            }
        } catch let error as OAuthError {
            throw error
        } catch {
            throw OAuthError.unavailable("grant store: \(error)")
        }
    }

    private static let notYours = OAuthError(.unauthorizedClient, "The token was not issued to this client.")
}
