public import GatewayCore
import GatewayJOSE

/// A login that has been sent to the gateway and not yet come back: the values the
/// callback must check (`state`, `nonce`) and prove (`code_verifier`). Kept server-side
/// only, in the demo session; each is random and used once.
public struct PendingLogin: Sendable, Equatable {
    /// CSRF protection of the redirect (RFC 6749 §10.12).
    public let state: String
    /// Binds the ID token to this login (OIDC Core §3.1.2.1).
    public let nonce: String
    /// The PKCE `code_verifier` (RFC 7636 §4.1).
    public let codeVerifier: String
    /// When the login started (monotonic seconds), so stale logins expire.
    public let startedAt: Double

    /// A login with explicit values (tests).
    public init(state: String, nonce: String, codeVerifier: String, startedAt: Double) {
        self.state = state
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.startedAt = startedAt
    }

    /// A login with fresh random `state` and `nonce` (128 bits each) and verifier (256 bits).
    public init(random: any RandomSource, startedAt: Double) {
        state = Base64URL.encode(random.bytes(16))
        nonce = Base64URL.encode(random.bytes(16))
        codeVerifier = PKCE.newVerifier(random: random)
        self.startedAt = startedAt
    }

    /// The authorization request (OIDC Core §3.1.2.1) for this login as a URL on
    /// `authorizationEndpoint`.
    public func authorizationURL(endpoint: String, clientID: String, redirectURI: String, scopes: [String]) -> String {
        FormEncoding.url(endpoint, adding: [
            ("response_type", "code"),
            ("client_id", clientID),
            ("redirect_uri", redirectURI),
            ("scope", scopes.joined(separator: " ")),
            ("state", state),
            ("nonce", nonce),
            ("code_challenge", PKCE.challenge(for: codeVerifier)),
            ("code_challenge_method", "S256"),
        ])
    }
}
