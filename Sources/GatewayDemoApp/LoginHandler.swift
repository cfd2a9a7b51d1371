import GatewayCore
import GatewayHTTP

/// `GET /login`: starts the authorization code flow (OIDC Core §3.1.2.1) with fresh
/// `state`, `nonce` and PKCE S256 verifier kept in the demo session, asking for every
/// scope the policy allows, and sends the browser to the gateway's authorization endpoint.
struct LoginHandler: Sendable {
    let context: DemoContext

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        let provider: Provider
        do { provider = try context.directory.provider() } catch {
            return context.failure(error, title: "Login failed", event: "demo_login_refused")
        }
        let existing = context.session(for: request)
        var session = existing ?? context.sessions.create()
        let pending = PendingLogin(random: context.random, startedAt: context.clock.monotonicSeconds())
        session.pendingLogin = pending
        context.sessions.update(session)
        let configuration = context.configuration
        var response = context.redirect(pending.authorizationURL(
            endpoint: provider.metadata.authorizationEndpoint, clientID: configuration.clientID,
            redirectURI: configuration.redirectURI, scopes: configuration.scopes))
        if existing == nil { context.setCookie(session, on: &response) }
        return response
    }
}
