import GatewayCore

/// The back-channel logout metrics of `/metrics`. Labels are fixed outcomes only: no
/// client, endpoint or patron, so the series count stays constant.
struct BackchannelLogoutMetrics: Sendable {
    /// How a delivery ended.
    enum Outcome: String {
        /// The application answered 2xx.
        case delivered
        /// Every attempt failed (or the token could not be signed, or shutdown came first).
        case failed
        /// The queue was full, or the dispatcher had stopped.
        case dropped
    }

    private let total: Counter
    private let retries: Counter

    /// Registers the counters in `registry`.
    init(registry: MetricsRegistry) {
        total = registry.register(Counter(
            name: "gateway_backchannel_logout_total",
            help: "Back-channel logout deliveries by final outcome (delivered, failed, dropped).",
            labelNames: ["outcome"]))
        retries = registry.register(Counter(
            name: "gateway_backchannel_logout_retries_total", help: "Back-channel logout attempts scheduled after a failed one."))
    }

    /// Counts `count` deliveries that ended with `outcome`.
    func record(_ outcome: Outcome, count: Int = 1) {
        guard count > 0 else { return }
        total.increment([outcome.rawValue], by: Double(count))
    }

    /// Counts one scheduled retry.
    func recordRetry() { retries.increment() }
}
