import GatewayAccounts
import GatewayCore
import GatewayHTTP
import GatewayOAuth
import GatewayPolicy
import GatewayWeb

/// The OpenID Connect endpoints: authorization (with login and consent), token, userinfo,
/// introspection, revocation and RP-initiated logout. Protocol decisions live in
/// GatewayOAuth; these handlers only translate HTTP to its values and back.
struct OAuthRoutes: Sendable {
    let checks: AuthorizationChecks
    let authenticator: ClientAuthenticator
    let tokenEndpoint: TokenEndpoint
    let introspection: Introspection
    let revocation: Revocation
    let userinfo: Userinfo
    let verifier: OwnTokenVerifier
    let policies: @Sendable (String) -> ApplicationPolicy?
    let sessions: any SessionStore
    let patrons: any PatronStore
    let consents: any ConsentStore
    let codes: any AuthorizationCodeStore
    let sessionEnded: @Sendable (Session) -> Void
    let cookies: SessionCookies
    let issuer: String
    let clock: any Clock
    let random: any RandomSource
    let logger: Logger

    func register(in router: inout Router) {
        router.get("/authorize") { request in authorize(request) }
        router.post("/authorize") { request in authorize(request) }
        router.post("/authorize/consent") { request in consentDecision(request) }
        // A client secret is checked with Argon2 once per client and process: only those
        // requests leave the worker threads (see Router.add(_:_:blockingWhen:_:)).
        let hashes: BlockingRule = { request in clientAuthenticationWouldHash(request) }
        router.add("POST", "/token", blockingWhen: hashes) { request in token(request) }
        router.add("POST", "/introspect", blockingWhen: hashes) { request in introspect(request) }
        router.add("POST", "/revoke", blockingWhen: hashes) { request in revoke(request) }
        router.get("/userinfo") { request in userinfoResponse(request) }
        router.post("/userinfo") { request in userinfoResponse(request) }
        router.get("/end-session") { request in endSession(request) }
        router.post("/end-session") { request in endSession(request) }
        router.post("/end-session/confirm") { request in confirmEndSession(request) }
    }

    /// Runs for every token, introspection and revocation request before its handler: it
    /// decodes the form only when the answer depends on it.
    func clientAuthenticationWouldHash(_ request: HTTPRequest) -> Bool {
        authenticator.wouldHash(authorization: request.headers["Authorization"], formBody: request.body) {
            try? OAuthResponses.parameters(request)
        }
    }

    /// The SSO session of the request with its id, or nil.
    func currentSession(_ request: HTTPRequest) throws -> (SessionID, Session)? {
        guard let id = cookies.session(in: request), let session = try sessions.find(id) else { return nil }
        return (id, session)
    }

    /// Ends the SSO session `id` for every application: deletes it, tells the applications
    /// it logged into (back-channel logout) and clears the cookie on `response`.
    func endSession(_ id: SessionID, on response: inout HTTPResponse) throws {
        if let ended = try sessions.delete(id) { sessionEnded(ended) }
        cookies.clear(cookies.sessionName, on: &response)
    }

    /// The patron-page language: `ui_locales`, then `lang`, then `Accept-Language`.
    static func language(_ request: HTTPRequest, uiLocales: String? = nil) -> Language {
        Language.preferred([uiLocales, request.queryValues("ui_locales").first, request.queryValues("lang").first,
                            request.headers["Accept-Language"]])
    }

    /// Runs a patron-facing handler; a store outage becomes the 503 page.
    func guardedPage(_ request: HTTPRequest, _ body: () throws -> HTTPResponse) -> HTTPResponse {
        do { return try body() } catch {
            logger.warning("oidc_page_unavailable", ["error_type": .string(String(describing: type(of: error)))])
            return PageResponses.unavailable(Self.language(request))
        }
    }
}
