public import GatewayCore

/// Where grants, their refresh tokens and the ids of their access tokens live (Redis in
/// production). Refresh tokens are opaque and kept only as `OpaqueToken.hash`; access
/// tokens are JWTs and are registered by `jti`, so introspection and userinfo can tell a
/// revoked one from a live one. Every key carries a TTL: nothing outlives the grant.
///
/// Every method throws `.unavailable` when the store is down: callers issue nothing and
/// report every token as inactive (fail closed).
public protocol GrantStore: Sendable {
    /// Starts `grant` (after a code exchange): registers the access token `accessTokenID`
    /// for `accessTokenSeconds` and, when `refreshTokenHash` is given, its first refresh
    /// token. Without a refresh token the grant lives as long as the access token.
    func start(_ grant: Grant, refreshTokenHash: String?, accessTokenID: String, accessTokenSeconds: Int, at now: Instant)
        throws(OAuthStoreError)

    /// Rotates a refresh token (RFC 9700 §4.14.2), atomically: the presented token is
    /// retired, `successor` becomes the family's current token and `accessTokenID` is
    /// registered. A retired token presented again revokes the whole family — unless it
    /// was retired less than `graceSeconds` ago and its successor is still current, in which
    /// case the same successor is handed out again (`.retried`). `clientID` must be the
    /// grant's client: another client's token is `.invalid` and revokes nothing. Only a
    /// token retired while `graceSeconds` was above 0 keeps its successor (sealed) for such
    /// a retry; a policy that turns the window on later does not reach older rotations.
    func rotate(_ presented: OpaqueToken, successor: OpaqueToken, clientID: String, accessTokenID: String,
                accessTokenSeconds: Int, graceSeconds: Int, at now: Instant) throws(OAuthStoreError) -> RotationOutcome

    /// Ends every token of the grant (idempotent).
    func revoke(grantID: String) throws(OAuthStoreError)

    /// The grant of a live refresh token (current, not retired, family not revoked, not
    /// idle or past its absolute end), for introspection and revocation.
    func grant(refreshTokenHash: String, at now: Instant) throws(OAuthStoreError) -> Grant?

    /// Whether the access token `accessTokenID` is registered and its grant not revoked.
    func isAccessTokenActive(_ accessTokenID: String) throws(OAuthStoreError) -> Bool

    /// Ends one access token (RFC 7009 on an access token).
    func revoke(accessTokenID: String) throws(OAuthStoreError)
}

/// The outcome of presenting a refresh token.
public enum RotationOutcome: Sendable, Equatable {
    /// The token was current: `successor` is now, the grant is returned.
    case rotated(Grant)
    /// The token was rotated moments ago (within the grace window): hand out the same
    /// successor again, decrypted with the presented token.
    case retried(Grant, successor: OpaqueToken)
    /// The token was rotated before: the family has been
    /// revoked, nothing is issued (`invalid_grant`).
    case reused
    /// Unknown, expired, revoked or another client's token (`invalid_grant`).
    case invalid
}
