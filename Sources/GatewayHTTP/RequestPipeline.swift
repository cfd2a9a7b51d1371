public import GatewayCore

/// The fixed chain every request goes through: trusted-proxy resolution → routing →
/// handler → security headers → metrics and one access-log line. The log line holds the
/// route pattern, method, status, duration and a request id: no path, query, address
/// or header value, because those can carry personal data.
public final class RequestPipeline: HTTPResponder {
    private let router: Router
    private let proxies: TrustedProxies
    private let security: SecurityHeaders
    private let metrics: HTTPMetrics
    private let logger: Logger
    private let clock: any Clock
    private let random: any RandomSource
    private let logRequests: Bool

    /// A pipeline over `router` with the given cross-cutting parts.
    public init(router: Router, proxies: TrustedProxies, security: SecurityHeaders, metrics: HTTPMetrics,
                logger: Logger, clock: any Clock, random: any RandomSource, logRequests: Bool = true) {
        self.router = router
        self.proxies = proxies
        self.security = security
        self.metrics = metrics
        self.logger = logger
        self.clock = clock
        self.random = random
        self.logRequests = logRequests
    }

    /// Routes and answers `request`.
    public func respond(to request: HTTPRequest) -> HTTPResponse {
        let started = clock.monotonicSeconds()
        let resolved = proxies.resolve(request)
        let (route, response) = dispatch(resolved)
        return finish(response, route: route, method: resolved.method, started: started)
    }

    /// 413 with a JSON body naming the limit.
    public func bodyTooLarge(_ request: HTTPRequest, limit: Int) -> HTTPResponse {
        let started = clock.monotonicSeconds()
        let response = HTTPResponse.error(413, code: "request_too_large",
                                          description: "The request body is larger than \(limit) bytes.")
        let route: String = switch router.match(method: request.method, path: request.path) {
        case .found(let route, _, _), .methodNotAllowed(let route, _): route
        case .notFound: "unmatched"
        }
        return finish(response, route: route, method: request.method, started: started)
    }

    /// True for routes registered as `blocking` (for this request).
    public func isBlocking(_ request: HTTPRequest) -> Bool {
        if case .found(_, _, let blocking) = router.match(method: request.method, path: request.path) { return blocking(request) }
        return false
    }

    private func dispatch(_ request: HTTPRequest) -> (String, HTTPResponse) {
        if request.version == "HTTP/1.1", request.headers["Host"] == nil {
            // RFC 9112 §3.2: a server MUST answer 400 to an HTTP/1.1 request without Host.
            return ("unmatched", .error(400, code: "bad_request", description: "HTTP/1.1 requests need a Host header."))
        }
        switch router.match(method: request.method, path: request.path) {
        case .notFound:
            return ("unmatched", .error(404, code: "not_found", description: "There is nothing at this address."))
        case .methodNotAllowed(let route, let allowed):
            var response = HTTPResponse.error(405, code: "method_not_allowed",
                                              description: "This address does not accept \(Self.safeMethod(request.method)).")
            response.headers.set("Allow", allowed.joined(separator: ", "))
            return (route, response)
        case .found(let route, let handler, _):
            do {
                return (route, try handler(request))
            } catch {
                logger.error("handler_failed", ["route": .string(route), "error_type": .string(String(describing: type(of: error)))])
                return (route, .error(500, code: "server_error", description: "The gateway could not complete this request."))
            }
        }
    }

    private func finish(_ response: HTTPResponse, route: String, method: String, started: Double) -> HTTPResponse {
        var response = response
        security.apply(to: &response)
        let requestID = random.hex(8)
        response.headers.set("X-Request-Id", requestID)
        let seconds = clock.monotonicSeconds() - started
        metrics.record(route: route, method: method, status: response.status, seconds: seconds)
        if logRequests {
            logger.info("http_request", [
                "request_id": .string(requestID), "method": .string(Self.safeMethod(method)), "route": .string(route),
                "status": .int(response.status), "duration_us": .int(Int((seconds * 1e6).rounded())),
                "bytes": .int(response.body.count),
            ])
        }
        return response
    }

    /// The method if it is a plain token of at most 16 letters, else `OTHER`.
    static func safeMethod(_ method: String) -> String {
        method.count <= 16 && method.allSatisfy { $0.isASCII && $0.isLetter } ? method : "OTHER"
    }
}
