import GatewayCore
import GatewayHTTP
import GatewayJOSE

/// `POST /logout`: ends the login here, then RP-initiated logout (OpenID Connect
/// RP-Initiated Logout 1.0 §2): the browser goes to the gateway's `end_session_endpoint`
/// with `id_token_hint`, `client_id`, the policy's first `post_logout_redirect_uri` and a
/// fresh `state`, which the home page checks when the gateway sends the browser back.
struct LogoutHandler: Sendable {
    let context: DemoContext

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        do throws(DemoFailure) {
            guard var session = context.session(for: request), let login = session.login else { throw .notLoggedIn }
            _ = try context.checkedForm(request, session: session)
            let provider = try context.directory.provider()
            session.login = nil
            guard let endpoint = provider.metadata.endSessionEndpoint else {
                session.notice = .loggedOutLocally
                context.sessions.update(session)
                return context.redirect("/")
            }
            var parameters = [("id_token_hint", login.idToken), ("client_id", context.configuration.clientID)]
            if let postLogout = context.configuration.postLogoutRedirectURI {
                let state = Base64URL.encode(context.random.bytes(16))
                session.pendingLogoutState = state
                parameters += [("post_logout_redirect_uri", postLogout), ("state", state)]
            }
            context.sessions.update(session)
            context.logger.info("demo_logout_started", [:])
            return context.redirect(FormEncoding.url(endpoint, adding: parameters))
        } catch {
            return context.failure(error, title: "Logout failed", event: "demo_logout_refused")
        }
    }
}
