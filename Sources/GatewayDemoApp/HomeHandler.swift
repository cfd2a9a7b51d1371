import GatewayCore
import GatewayHTTP

/// `GET /`: the home page. When the gateway sends the browser back after RP-initiated
/// logout (to the post-logout redirect URI, with `state`), the state is checked here;
/// a visit without `state` leaves the logout pending.
struct HomeHandler: Sendable {
    let context: DemoContext

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        guard var session = context.session(for: request) else {
            return .html(HomePage.render(configuration: context.configuration, session: nil))
        }
        let returned = request.queryValues("state")
        if let expected = session.pendingLogoutState, !returned.isEmpty {
            session.pendingLogoutState = nil
            session.notice = .loggedOut(stateVerified: returned == [expected])
        }
        let page = HomePage.render(configuration: context.configuration, session: session)
        session.notice = nil
        context.sessions.update(session)
        return .html(page)
    }
}
