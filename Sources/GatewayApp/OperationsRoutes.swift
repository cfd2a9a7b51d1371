import GatewayCore
import GatewayHTTP

/// `/healthz`, `/readyz` and `/metrics`: what an orchestrator and Prometheus read.
struct OperationsRoutes: Sendable {
    let checks: [ReadinessCheck]
    let metrics: MetricsRegistry
    let metricsAllowedFrom: [IPNetwork]
    let logger: Logger

    func register(in router: inout Router) {
        router.get("/healthz") { _ in .json("{\"status\":\"ok\"}") }
        router.get("/readyz") { _ in readiness() }
        router.get("/metrics") { request in exposition(for: request) }
    }

    /// 200 when every dependency answers, else 503 naming which one is down — and nothing
    /// more (no host, port or error text an attacker could use).
    func readiness() -> HTTPResponse {
        var allUp = true
        var parts: [String] = []
        for check in checks {
            var up = true
            do { try check.probe() } catch {
                up = false
                logger.warning("dependency_down", ["dependency": .string(check.name), "error_type": .string(String(describing: type(of: error)))])
            }
            allUp = allUp && up
            parts.append("\"\(check.name)\":\"\(up ? "up" : "down")\"")
        }
        let body = "{\"status\":\"\(allUp ? "ready" : "unavailable")\",\"checks\":{\(parts.joined(separator: ","))}}"
        var response = HTTPResponse.json(body, status: allUp ? 200 : 503)
        if !allUp { response.headers.set("Retry-After", "5") }
        return response
    }

    /// Prometheus text format, only for clients in `metricsAllowedFrom`.
    func exposition(for request: HTTPRequest) -> HTTPResponse {
        guard let client = IPAddress(request.clientAddress), metricsAllowedFrom.contains(where: { $0.contains(client) }) else {
            return .error(403, code: "forbidden", description: "Metrics are only available from the operator's network.")
        }
        var response = HTTPResponse.text(metrics.render())
        response.headers.set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        return response
    }
}
