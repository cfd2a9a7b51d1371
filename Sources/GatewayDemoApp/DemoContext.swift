import GatewayCore
import GatewayCrypto
import GatewayHTTP

/// What every route of the demo application shares: configuration, sessions, the gateway
/// connection and the injected clock, randomness and logger.
final class DemoContext: Sendable {
    let configuration: DemoAppConfiguration
    let sessions: DemoSessionStore
    let connection: GatewayConnection
    let directory: ProviderDirectory
    let logger: Logger
    let clock: any Clock
    let random: any RandomSource

    init(configuration: DemoAppConfiguration, logger: Logger, clock: any Clock, random: any RandomSource) {
        self.configuration = configuration
        sessions = DemoSessionStore(maximumSessions: configuration.maximumSessions, idleSeconds: configuration.sessionIdleSeconds,
                                    clock: clock, random: random)
        connection = GatewayConnection(timeoutSeconds: configuration.outboundTimeoutSeconds)
        directory = ProviderDirectory(configuration: configuration, connection: connection, clock: clock)
        self.logger = logger
        self.clock = clock
        self.random = random
    }

    /// The demo session named by the request's cookie, if it is still held.
    func session(for request: HTTPRequest) -> DemoSession? {
        request.cookies[configuration.cookieName].flatMap(sessions.session)
    }

    /// `Set-Cookie` for `session`: HttpOnly, SameSite=Lax (the callback is a top-level
    /// navigation from the gateway), Secure when the app runs on https.
    func setCookie(_ session: DemoSession, on response: inout HTTPResponse) {
        response.headers.add("Set-Cookie", "\(configuration.cookieName)=\(session.id); Path=/; HttpOnly; SameSite=Lax"
            + (configuration.secureCookies ? "; Secure" : ""))
    }

    /// `Set-Cookie` that deletes the session cookie.
    func clearCookie(on response: inout HTTPResponse) {
        response.headers.add("Set-Cookie", "\(configuration.cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax"
            + (configuration.secureCookies ? "; Secure" : ""))
    }

    /// A 303 to `location`.
    func redirect(_ location: String) -> HTTPResponse {
        HTTPResponse(status: 303, headers: ["Location": location])
    }

    /// A failure page with `title`, logged by kind only.
    func failure(_ failure: DemoFailure, title: String, event: String) -> HTTPResponse {
        logger.warning(event, ["reason": .string(failure.kind)])
        return .html(DemoPages.failure(title: title, message: failure.description, appName: configuration.displayName),
                     status: failure.status)
    }

    /// The fields of a POSTed form when it carries the session's CSRF token and, when the
    /// browser names one, our own origin.
    func checkedForm(_ request: HTTPRequest, session: DemoSession) throws(DemoFailure) -> [String: String] {
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else { throw .forgedForm }
        if let origin = request.headers["Origin"], origin != "null", origin != configuration.origin { throw .forgedForm }
        var fields: [String: String] = [:]
        for item in URLDecoding.formDecode(request.body) where fields[item.name] == nil {
            fields[item.name] = item.value
        }
        guard let token = fields["csrf_token"], ConstantTime.equal(token, session.csrfToken) else { throw .forgedForm }
        return fields
    }
}
