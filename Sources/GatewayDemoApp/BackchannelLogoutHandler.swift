import GatewayCore
import GatewayHTTP
import GatewayJOSE

/// `POST /backchannel-logout` (OpenID Connect Back-Channel Logout 1.0 §2.5–2.8): the
/// gateway posts a `logout_token`; a valid one ends the matching demo sessions and is
/// answered 200, anything else 400 with `{"error":"invalid_request"}`. Both answers are
/// `Cache-Control: no-store` (§2.8), set by the pipeline's defaults.
struct BackchannelLogoutHandler: Sendable {
    let context: DemoContext

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        guard request.headers["Content-Type"]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            return refuse("not_a_form")
        }
        let tokens = URLDecoding.formDecode(request.body).filter { $0.name == "logout_token" }
        guard tokens.count == 1, let token = tokens.first?.value, !token.isEmpty else { return refuse("logout_token_missing") }
        let logout: LogoutRequest
        do { logout = try validate(token) } catch { return refuse(error.description) }
        let ended = context.sessions.endSessions(subject: logout.subject, sessionID: logout.sessionID)
        context.logger.info("demo_backchannel_logout", ["sessions_ended": .int(ended)])
        return HTTPResponse(status: 200)
    }

    /// Validates `token`; a `kid` the cached JWKS does not hold triggers one refetch (the
    /// gateway may have rotated its keys).
    private func validate(_ token: String) throws(LogoutTokenError) -> LogoutRequest {
        let provider: Provider
        do { provider = try context.directory.provider() } catch { throw .keysUnavailable }
        let validator = LogoutTokenValidator(issuer: provider.metadata.issuer, clientID: context.configuration.clientID,
                                             algorithms: [context.configuration.idTokenAlgorithm])
        let now = context.clock.now()
        do {
            return try validator.validate(token, keys: try keys(provider, refresh: false), now: now)
        } catch .invalidSignature(.unknownKey) {
            return try validator.validate(token, keys: try keys(provider, refresh: true), now: now)
        }
    }

    private func keys(_ provider: Provider, refresh: Bool) throws(LogoutTokenError) -> JSONWebKeySet {
        do { return try provider.keys.keys(refresh: refresh) } catch { throw .keysUnavailable }
    }

    private func refuse(_ reason: String) -> HTTPResponse {
        context.logger.warning("demo_backchannel_logout_refused", ["reason": .string(reason)])
        return .json("{\"error\":\"invalid_request\"}", status: 400)
    }
}
