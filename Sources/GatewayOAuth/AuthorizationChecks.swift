public import GatewayPolicy

/// The authorization endpoint's checks, in the order they run (OIDC Core §3.1.2.2). The
/// first two decide whether an error may be redirected at all; every later error goes to
/// the validated redirect URI with `state` (RFC 6749 §4.1.2.1).
public struct AuthorizationChecks: Sendable {
    private let policies: @Sendable (String) -> ApplicationPolicy?

    /// Checks over the policy lookup `policies`.
    public init(policies: @escaping @Sendable (String) -> ApplicationPolicy?) { self.policies = policies }

    /// The validated request, or why it is refused.
    public func validate(_ parameters: OAuthParameters) throws(AuthorizationRejection) -> AuthorizationRequest {
        let policy = try client(parameters)
        let redirectURI = try redirectURI(parameters, policy: policy)
        let state = try? parameters.single("state")
        do {
            try Self.noRequestObjects(parameters)
            try Self.noRepeatedParameters(parameters)
            try Self.responseType(parameters)
            try Self.responseMode(parameters)
            let scopes = try Self.scopes(parameters, policy: policy)
            let challenge = try Self.pkce(parameters)
            let prompt = try Self.prompt(parameters)
            return AuthorizationRequest(
                policy: policy, redirectURI: redirectURI, state: state ?? nil, nonce: try Self.bounded(parameters, "nonce", 512),
                scopes: scopes, requestedClaims: try ClaimsParameter.names(try parameters.single("claims")),
                codeChallenge: challenge, prompt: prompt, maxAge: try Self.maxAge(parameters),
                uiLocales: try Self.bounded(parameters, "ui_locales", 100), loginHint: try Self.bounded(parameters, "login_hint", 254))
        } catch {
            throw .redirect(error, redirectURI: redirectURI, state: state ?? nil)
        }
    }

    /// 1. The client: named once, known and active.
    func client(_ parameters: OAuthParameters) throws(AuthorizationRejection) -> ApplicationPolicy {
        guard let id = try? parameters.single("client_id"), let policy = policies(id) else { throw .page(.unknownClient) }
        guard policy.active else { throw .page(.inactiveClient) }
        return policy
    }

    /// 2. The redirect URI: given once and exactly one the policy registered (no
    /// defaulting, no prefix or wildcard matching).
    func redirectURI(_ parameters: OAuthParameters, policy: ApplicationPolicy) throws(AuthorizationRejection) -> String {
        guard let uri = try? parameters.single("redirect_uri"), policy.redirectURIs.contains(uri) else { throw .page(.badRedirectURI) }
        return uri
    }

    /// 3. Request objects (OIDC Core §6) are not supported.
    static func noRequestObjects(_ parameters: OAuthParameters) throws(OAuthError) {
        if parameters.contains("request") { throw OAuthError(.requestNotSupported, "Request objects are not supported.") }
        if parameters.contains("request_uri") { throw OAuthError(.requestURINotSupported, "request_uri is not supported.") }
    }

    /// 4. No parameter twice (RFC 6749 §3.1).
    static func noRepeatedParameters(_ parameters: OAuthParameters) throws(OAuthError) {
        if let name = parameters.repeatedNames.first { throw OAuthError(.invalidRequest, "The parameter \(name) is given more than once.") }
    }

    /// 5. `response_type=code`: the only flow (RFC 9700 §2.1.2 retires the implicit grant).
    static func responseType(_ parameters: OAuthParameters) throws(OAuthError) {
        let type = try parameters.required("response_type")
        guard type == "code" else { throw OAuthError(.unsupportedResponseType, "Only response_type=code is supported.") }
    }

    /// 6. Responses go in the query string only.
    static func responseMode(_ parameters: OAuthParameters) throws(OAuthError) {
        if let mode = try parameters.single("response_mode"), mode != "query" {
            throw OAuthError(.invalidRequest, "Only response_mode=query is supported.")
        }
    }

    /// 7. `openid` is required; scopes the policy does not allow are dropped (RFC 6749 §3.3),
    /// so asking for `email` never widens what an application receives.
    static func scopes(_ parameters: OAuthParameters, policy: ApplicationPolicy) throws(OAuthError) -> Set<String> {
        let requested = try parameters.scopes()
        guard requested.contains("openid") else { throw OAuthError(.invalidScope, "The scope must contain openid.") }
        return requested.intersection(policy.allowedScopes.map(\.rawValue))
    }

    /// 8. PKCE with S256 (RFC 7636 §4.3; `plain` and a missing method — which means plain — are refused).
    static func pkce(_ parameters: OAuthParameters) throws(OAuthError) -> String {
        guard let challenge = try parameters.single("code_challenge") else {
            throw OAuthError(.invalidRequest, "PKCE is required: send code_challenge with code_challenge_method=S256.")
        }
        guard try parameters.single("code_challenge_method") == "S256" else {
            throw OAuthError(.invalidRequest, "Only code_challenge_method=S256 is supported.")
        }
        guard PKCE.isWellFormedChallenge(challenge) else {
            throw OAuthError(.invalidRequest, "code_challenge must be the base64url SHA-256 of the verifier (43 characters).")
        }
        return challenge
    }

    /// 9. `prompt`: known values, and `none` alone (OIDC Core §3.1.2.1).
    static func prompt(_ parameters: OAuthParameters) throws(OAuthError) -> Set<AuthorizationRequest.Prompt> {
        guard let text = try parameters.single("prompt") else { return [] }
        var values = Set<AuthorizationRequest.Prompt>()
        for word in text.split(separator: " ") {
            guard let value = AuthorizationRequest.Prompt(rawValue: String(word)) else {
                throw OAuthError(.invalidRequest, "Unsupported prompt value; supported are none, login and consent.")
            }
            values.insert(value)
        }
        if values.contains(.none), values.count > 1 { throw OAuthError(.invalidRequest, "prompt=none cannot be combined with other values.") }
        return values
    }

    /// 10. `max_age`: a non-negative whole number of seconds.
    static func maxAge(_ parameters: OAuthParameters) throws(OAuthError) -> Int? {
        guard let text = try parameters.single("max_age") else { return nil }
        guard text.utf8.count <= 10, let value = Int(text), value >= 0 else {
            throw OAuthError(.invalidRequest, "max_age must be a non-negative number of seconds.")
        }
        return value
    }

    static func bounded(_ parameters: OAuthParameters, _ name: String, _ limit: Int) throws(OAuthError) -> String? {
        guard let value = try parameters.single(name) else { return nil }
        guard value.utf8.count <= limit else { throw OAuthError(.invalidRequest, "The parameter \(name) is too long.") }
        return value
    }
}
