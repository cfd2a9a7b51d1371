public import GatewayCore
public import GatewayHTTP

/// The demo partner application: a relying party that logs patrons in through the
/// gateway with the authorization code flow + PKCE, shows what it received, refreshes,
/// logs out (RP-initiated and back-channel). Served by the gateway's own HTTP stack.
public final class DemoApp: Sendable {
    /// The effective configuration.
    public let configuration: DemoAppConfiguration
    /// The demo sessions (exposed for tests and the status line).
    public let sessions: DemoSessionStore
    /// The request pipeline: what the server hands requests to (tests may call it directly).
    public let responder: RequestPipeline
    private let server: HTTPServer

    /// An application for `configuration`; `start()` listens.
    public init(configuration: DemoAppConfiguration, logger: Logger, clock: any Clock = SystemClock(), random: any RandomSource) {
        let context = DemoContext(configuration: configuration, logger: logger, clock: clock, random: random)
        self.configuration = configuration
        sessions = context.sessions
        responder = RequestPipeline(router: Self.router(context), proxies: TrustedProxies(),
                                    security: SecurityHeaders(strictTransportSecurity: configuration.secureCookies),
                                    metrics: HTTPMetrics(registry: MetricsRegistry()), logger: logger, clock: clock, random: random)
        server = HTTPServer(configuration: HTTPServerConfiguration(host: configuration.host, port: configuration.port),
                            responder: responder)
    }

    /// The bound port (differs from the configuration's when that is 0).
    public var port: UInt16 { server.port }

    /// Binds and starts serving.
    public func start() throws(HTTPServerError) { try server.start() }

    /// Stops serving, letting requests in flight finish.
    public func stop() { server.stop() }

    private static func router(_ context: DemoContext) -> Router {
        var router = Router()
        let home = HomeHandler(context: context)
        let login = LoginHandler(context: context)
        let callback = CallbackHandler(context: context)
        let refresh = RefreshHandler(context: context)
        let logout = LogoutHandler(context: context)
        let backchannel = BackchannelLogoutHandler(context: context)
        router.get("/") { home.handle($0) }
        // Routes that call the gateway block for up to the outbound timeout: off the worker threads.
        router.add("GET", "/login", blocking: true) { login.handle($0) }
        router.add("GET", context.configuration.callbackPath, blocking: true) { callback.handle($0) }
        router.post("/refresh", blocking: true) { refresh.handle($0) }
        router.post("/logout", blocking: true) { logout.handle($0) }
        router.post("/backchannel-logout", blocking: true) { backchannel.handle($0) }
        router.get("/healthz") { _ in .json("{\"status\":\"ok\"}") }
        router.get("/static/demo.css") { _ in
            var response = HTTPResponse(status: 200, headers: ["Content-Type": "text/css; charset=utf-8"],
                                        body: Array(DemoPageLayout.css.utf8))
            response.headers.set("Cache-Control", "public, max-age=3600")
            return response
        }
        return router
    }
}
