public import GatewayCore

/// Remembers the `jti` of every client assertion until it expires, so an assertion is
/// accepted once only (RFC 7523 §3, item 7: the server MAY ensure single use; we do).
public protocol AssertionReplayGuard: Sendable {
    /// True the first time `jti` of `clientID` is seen before `expiresAt`; false on a replay.
    func firstUse(jti: String, clientID: String, expiresAt: Instant, at now: Instant) throws(OAuthStoreError) -> Bool
}
