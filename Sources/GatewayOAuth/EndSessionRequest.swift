import GatewayCore
public import GatewayPolicy

/// An RP-initiated logout request (OpenID Connect RP-Initiated Logout 1.0 §2) that passed
/// its checks: the `id_token_hint` (if any) is one of ours, `client_id` (if any) agrees with
/// it, and `post_logout_redirect_uri` (if any) is registered for that client exactly.
public struct EndSessionRequest: Sendable, Equatable {
    /// The client the logout came from, when known.
    public let policy: ApplicationPolicy?
    /// The `sid` of the ID token hint: when it names the current session, the patron is
    /// logged out without a confirmation page.
    public let hintedSessionID: String?
    /// Where to send the patron afterwards (registered), with `state`.
    public let postLogoutRedirectURI: String?
    /// `state`, echoed to the post-logout redirect.
    public let state: String?
    /// `ui_locales`.
    public let uiLocales: String?

    /// Why a logout request cannot be honoured as asked (always a page, never a redirect).
    public enum Rejection: String, Error, Sendable, Equatable {
        /// The id_token_hint is not a token we issued.
        case badIDTokenHint = "bad_id_token_hint"
        /// client_id is unknown or differs from the hint's audience.
        case unknownClient = "unknown_client"
        /// post_logout_redirect_uri without a client, or not registered for it.
        case badPostLogoutRedirectURI = "bad_post_logout_redirect_uri"
        /// A parameter is repeated.
        case repeatedParameter = "repeated_parameter"
    }

    /// Validates `parameters`.
    public static func validate(_ parameters: OAuthParameters, verifier: OwnTokenVerifier,
                                policies: @Sendable (String) -> ApplicationPolicy?) throws(Rejection) -> EndSessionRequest {
        guard parameters.repeatedNames.isEmpty else { throw .repeatedParameter }
        var clientID = try? parameters.single("client_id")
        var sid: String?
        if let hint = try? parameters.single("id_token_hint") {
            guard let claims = verifier.idTokenHint(hint), case .string(let audience)? = claims["aud"] else { throw .badIDTokenHint }
            if let clientID, clientID != audience { throw .unknownClient }
            clientID = audience
            if case .string(let value)? = claims["sid"] { sid = value }
        }
        let policy = clientID.flatMap(policies)
        if clientID != nil, policy == nil { throw .unknownClient }
        let redirect = try? parameters.single("post_logout_redirect_uri")
        if let redirect, !(policy?.postLogoutRedirectURIs.contains(redirect) ?? false) { throw .badPostLogoutRedirectURI }
        return EndSessionRequest(policy: policy, hintedSessionID: sid, postLogoutRedirectURI: redirect ?? nil,
                                 state: (try? parameters.single("state")) ?? nil, uiLocales: (try? parameters.single("ui_locales")) ?? nil)
    }
}
