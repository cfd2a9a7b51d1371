public import GatewayCore
import Foundation
import GatewayAccounts
import GatewayCrypto
public import GatewayHTTP
import GatewayPolicy
import GatewayRedis
import GatewaySQLite
import GatewayTokens

/// The composition root: builds every component from the configuration, wires the routes
/// and owns the HTTP server. The only place that sees every layer.
public final class GatewayApplication: Sendable {
    /// The validated configuration it was built from.
    public let configuration: GatewayConfiguration
    private let logger: Logger
    private let server: HTTPServer
    private let backchannel: BackchannelLogoutDispatcher

    /// Opens the store (running migrations), connects the Redis pool lazily and prepares
    /// the server. `extraRoutes` lets embedders add routes next to the built-in ones.
    public init(configuration: GatewayConfiguration, logSink: any LogSink = StandardOutputSink(),
                extraRoutes: @Sendable (inout Router) -> Void = { _ in }) throws {
        self.configuration = configuration
        let clock = SystemClock()
        let logger = Logger(minimumLevel: configuration.logLevel, sink: logSink, clock: clock)
        let database = try SQLiteDatabase(path: configuration.sqlitePath,
                                          busyTimeoutMilliseconds: configuration.sqliteBusyTimeoutMilliseconds)
        let applied = try database.migrate(StoreMigrations.all)
        if !applied.isEmpty { logger.info("store_migrated", ["versions": .string(applied.map(String.init).joined(separator: ","))]) }
        let redis = RedisClient(endpoint: configuration.redisEndpoint, options: configuration.redisOptions)
        let catalog = try PolicyCatalog(store: SQLitePolicyStore(database: database, secrets: Argon2ClientSecretGenerator(parameters: configuration.argon2)),
                                        clock: clock)
        let policies = catalog.all()
        if policies.isEmpty { logger.warning("no_policies", ["hint": "import them: gateway policy import Policies/"]) }
        let keys = try KeyRingProvider(directory: configuration.keysDirectory)
        let idTokenAlgorithms = Set(policies.map { SignatureAlgorithm(rawValue: $0.idTokenSignedResponseAlg.rawValue)! })
        try keys.ring().requireActiveKeys(idTokenAlgorithms.union([configuration.accessTokenAlgorithm]), at: Date(),
                                          directory: configuration.keysDirectory)
        let registry = MetricsRegistry()
        registry.register(Gauge(name: "gateway_redis_commands_total", help: "Commands sent to Redis (round trips), retries included.",
                                type: "counter") { Double(redis.commandsSent) })
        let random = SecureRandom()
        let signer = TokenSigner(keys: keys)
        let backchannel = BackchannelLogoutDispatcher(
            tokens: TokenIssuer(signer: signer, issuer: configuration.issuer, accessTokenAlgorithm: configuration.accessTokenAlgorithm, random: random),
            policies: { catalog.policy(clientID: $0) }, logger: logger, metrics: registry, clock: clock)
        let sessionEnded: @Sendable (Session) -> Void = { session in
            backchannel.sessionEnded(mylibraryID: session.mylibraryID.rawValue, sid: session.sid, clientIDs: session.clientIDs)
        }
        var router = Router()
        OperationsRoutes(
            checks: [ReadinessCheck(name: "redis") { try redis.ping() }, ReadinessCheck(name: "store") { try database.ping() }],
            metrics: registry, metricsAllowedFrom: configuration.metricsAllowedFrom, logger: logger
        ).register(in: &router)
        let keyRoutes = KeyRoutes(keys: keys, maxAgeSeconds: configuration.jwksMaxAgeSeconds)
        keyRoutes.register(in: &router)
        DiscoveryRoutes(issuer: configuration.issuer, idTokenAlgorithms: SignatureAlgorithm.allCases.map(\.rawValue),
                        maxAgeSeconds: configuration.jwksMaxAgeSeconds).register(in: &router)
        let accounts = try AccountComponents.build(configuration, database: database, redis: redis, logger: logger, clock: clock, random: random,
                                                   sessionEnded: sessionEnded)
        accounts.routes.register(in: &router)
        OAuthComponents.routes(configuration, shared: accounts.shared, catalog: catalog, keyRoutes: keyRoutes, signer: signer, database: database,
                               redis: redis, sessionEnded: sessionEnded, logger: logger, clock: clock, random: random).register(in: &router)
        extraRoutes(&router)
        let pipeline = RequestPipeline(
            router: router, proxies: TrustedProxies(configuration.trustedProxies),
            security: SecurityHeaders(strictTransportSecurity: configuration.issuerIsHTTPS),
            metrics: HTTPMetrics(registry: registry), logger: logger, clock: clock, random: SecureRandom(),
            logRequests: configuration.logRequests)
        let server = HTTPServer(configuration: configuration.http, responder: pipeline)
        ProcessMetrics.register(in: registry, clock: clock) { server.requestsInFlight }
        self.logger = logger
        self.server = server
        self.backchannel = backchannel
    }

    /// Starts listening; returns the bound port.
    @discardableResult
    public func start() throws -> UInt16 {
        try server.start()
        logger.info("gateway_started", [
            "version": .string(GatewayVersion.current), "address": .string(configuration.http.host),
            "port": .int(Int(server.port)), "threads": .int(configuration.http.threads),
        ])
        return server.port
    }

    /// Graceful stop: no new connections, requests in flight finish (bounded by the drain timeout).
    public func stop() {
        logger.info("gateway_stopping", ["in_flight": .int(server.requestsInFlight)])
        server.stop()
        backchannel.stop()
        logger.info("gateway_stopped")
    }
}

/// The gateway's version.
public enum GatewayVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"
}
