public import GatewayPolicy

/// An authorization request that passed every check of `AuthorizationChecks` (OIDC Core
/// §3.1.2.1, RFC 7636 §4.3): the client is known and active, the redirect URI is one of
/// its own, and every parameter is well-formed.
public struct AuthorizationRequest: Sendable, Equatable {
    /// The client's policy.
    public let policy: ApplicationPolicy
    /// The exact redirect URI (one of the policy's).
    public let redirectURI: String
    /// `state`, echoed back.
    public let state: String?
    /// `nonce`, put in the ID token.
    public let nonce: String?
    /// Scopes requested and allowed by the policy (always containing `openid`).
    public let scopes: Set<String>
    /// Claim names asked for through the `claims` parameter: recorded, never widening.
    public let requestedClaims: Set<String>
    /// PKCE S256 `code_challenge`.
    public let codeChallenge: String
    /// `prompt` values.
    public let prompt: Set<Prompt>
    /// `max_age` in seconds.
    public let maxAge: Int?
    /// `ui_locales`, for the pages.
    public let uiLocales: String?
    /// `login_hint`, prefilled on the login form.
    public let loginHint: String?

    /// OIDC Core §3.1.2.1 `prompt` values the gateway supports.
    public enum Prompt: String, Sendable, Equatable, CaseIterable {
        /// Show no page: fail with `login_required` / `consent_required` instead.
        case none
        /// Ask for the password again, even with a live session.
        case login
        /// Ask for consent again, even when it was given.
        case consent
    }
}

extension AuthorizationRequest {
    /// The same request without `value` in `prompt` (once a fresh login or consent has
    /// satisfied it).
    public func withoutPrompt(_ value: Prompt) -> AuthorizationRequest {
        AuthorizationRequest(policy: policy, redirectURI: redirectURI, state: state, nonce: nonce, scopes: scopes,
                             requestedClaims: requestedClaims, codeChallenge: codeChallenge, prompt: prompt.subtracting([value]),
                             maxAge: maxAge, uiLocales: uiLocales, loginHint: loginHint)
    }
}
