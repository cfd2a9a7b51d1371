public import GatewayCore
public import GatewayPolicy

/// One grant type of the token endpoint (RFC 6749 §4.1.3, §6). Handlers read only the
/// parameters of their own grant; others are ignored.
public protocol GrantHandler: Sendable {
    /// The `grant_type` value this handler serves.
    var grantType: String { get }

    /// Exchanges the grant for tokens for the authenticated `client`.
    func handle(_ parameters: OAuthParameters, client: ApplicationPolicy, now: Instant) throws(OAuthError) -> TokenResponse
}
