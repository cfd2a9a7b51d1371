import GatewayCore
import GatewayHTTP

/// `POST /refresh`: uses the refresh token (RFC 6749 §6) and shows whether the gateway
/// rotated it.
struct RefreshHandler: Sendable {
    let context: DemoContext

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        do throws(DemoFailure) {
            guard var session = context.session(for: request), let login = session.login else { throw .notLoggedIn }
            _ = try context.checkedForm(request, session: session)
            guard let refreshToken = login.refreshToken else { throw .noRefreshToken }
            let provider = try context.directory.provider()
            let client = TokenEndpointClient(configuration: context.configuration, connection: context.connection)
            let tokens = try client.refresh(refreshToken, endpoint: provider.metadata.tokenEndpoint)
            let inspector = TokenInspector(configuration: context.configuration, connection: context.connection, provider: provider)
            let next = try inspector.refreshed(login, with: tokens)
            let rotated = tokens.refreshToken.map { $0 != refreshToken } ?? false
            session.login = next
            session.notice = .refreshed(rotated: rotated, count: next.refreshCount)
            context.sessions.update(session)
            context.logger.info("demo_refresh_completed", ["rotated": .bool(rotated)])
            return context.redirect("/")
        } catch {
            return context.failure(error, title: "Refreshing failed", event: "demo_refresh_refused")
        }
    }
}
