public import GatewayCore

/// The request metrics of `/metrics`: counts by route, method and status, and latency
/// histograms by route and method. Labels are bounded: unknown routes are `unmatched`,
/// unusual methods `OTHER`.
public struct HTTPMetrics: Sendable {
    let requests: Counter
    let duration: Histogram
    private static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// Registers the metrics in `registry`.
    public init(registry: MetricsRegistry) {
        requests = registry.register(Counter(
            name: "gateway_http_requests_total", help: "HTTP requests answered, by route, method and status.",
            labelNames: ["route", "method", "status"]))
        duration = registry.register(Histogram(
            name: "gateway_http_request_duration_seconds", help: "Time from complete request to response, by route and method.",
            labelNames: ["route", "method"]))
    }

    /// Records one answered request.
    public func record(route: String, method: String, status: Int, seconds: Double) {
        let methodLabel = Self.knownMethods.contains(method) ? method : "OTHER"
        requests.increment([route, methodLabel, String(status)])
        duration.observe(seconds, [route, methodLabel])
    }
}
