import Foundation
public import GatewayCore
public import GatewayPolicy
public import GatewayTokens

/// OIDC Back-Channel Logout 1.0 for the gateway: when a patron's SSO session ends, every
/// application the session logged into that registered a `backchannel_logout_uri` gets a
/// signed logout token POSTed to it (§2.5), by a background worker with bounded retries.
/// The patron's request never waits for an application: `sessionEnded` only signs and
/// queues.
///
/// Logs and metrics name the client and the outcome only — never the token, the session
/// or the patron.
public final class BackchannelLogoutDispatcher: Sendable {
    private let tokens: TokenIssuer
    private let policies: @Sendable (String) -> ApplicationPolicy?
    private let configuration: BackchannelLogoutConfiguration
    private let worker: BackchannelLogoutWorker
    private let metrics: BackchannelLogoutMetrics
    private let logger: Logger
    private let clock: any Clock

    /// A dispatcher that signs with `tokens`, finds each client's policy through `policies`,
    /// registers its counters in `metrics` and starts its worker thread.
    public init(tokens: TokenIssuer, policies: @escaping @Sendable (String) -> ApplicationPolicy?, logger: Logger,
                metrics: MetricsRegistry, configuration: BackchannelLogoutConfiguration = BackchannelLogoutConfiguration(),
                clock: any Clock = SystemClock()) {
        self.tokens = tokens
        self.policies = policies
        self.configuration = configuration
        let counters = BackchannelLogoutMetrics(registry: metrics)
        self.metrics = counters
        self.logger = logger
        self.clock = clock
        worker = BackchannelLogoutWorker(configuration: configuration, metrics: counters, logger: logger, clock: clock)
        worker.start()
    }

    deinit { worker.abandon() }

    /// The session `sid` of patron `mylibraryID` ended (logout, expiry, erasure): one
    /// logout token per application in `clientIDs` whose policy has a
    /// `backchannel_logout_uri`, queued for delivery. Returns without any network I/O.
    public func sessionEnded(mylibraryID: String, sid: String, clientIDs: Set<String>) {
        let now = Date(timeIntervalSince1970: clock.now().secondsSinceEpoch)
        let due = clock.monotonicSeconds()
        var deliveries: [BackchannelLogoutDelivery] = []
        for clientID in clientIDs.sorted() {
            guard let policy = policies(clientID), let uri = policy.backchannelLogoutURI else { continue }
            guard let endpoint = URL(string: uri) else {
                giveUp(clientID, reason: "backchannel_logout_uri is not a URL")
                continue
            }
            do throws(TokenSigningError) {
                let token = try tokens.logoutToken(mylibraryID: mylibraryID, sid: sid, policy: policy,
                                                   lifetimeSeconds: configuration.tokenLifetimeSeconds, now: now)
                deliveries.append(BackchannelLogoutDelivery(clientID: clientID, endpoint: endpoint, token: token, dueAt: due))
            } catch {
                giveUp(clientID, reason: error.description)
            }
        }
        worker.enqueue(deliveries)
    }

    /// Shutdown: stops accepting logouts, delivers what is already due for at most
    /// `drainSeconds`, abandons retries scheduled later (counted as dropped) and returns
    /// once the worker has ended (bounded by the drain time plus one request timeout).
    public func stop() { worker.stop() }

    private func giveUp(_ clientID: String, reason: String) {
        metrics.record(.failed)
        logger.error("backchannel_logout", [
            "client_id": .string(clientID), "outcome": "failed", "attempt": 0, "reason": .string(reason),
        ])
    }
}
