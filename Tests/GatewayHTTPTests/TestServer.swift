import Foundation
import GatewayCore
import GatewayHTTP
import GatewayTesting

/// Deterministic random bytes for request ids.
struct CountingRandom: RandomSource {
    func bytes(_ count: Int) -> [UInt8] { Array(repeating: 0xAB, count: count) }
}

/// A real libmicrohttpd server on an ephemeral loopback port with a test router.
final class TestServer: Sendable {
    let server: HTTPServer
    let logs = MemoryLogSink()
    let registry = MetricsRegistry()
    let port: UInt16

    init(configuration: HTTPServerConfiguration = HTTPServerConfiguration(port: 0),
         proxies: TrustedProxies = TrustedProxies(), hsts: Bool = false,
         routes: (inout Router) -> Void = TestServer.standardRoutes) throws {
        var router = Router()
        routes(&router)
        var configuration = configuration
        configuration.port = 0
        let pipeline = RequestPipeline(
            router: router, proxies: proxies, security: SecurityHeaders(strictTransportSecurity: hsts),
            metrics: HTTPMetrics(registry: registry), logger: Logger(sink: logs), clock: SystemClock(), random: CountingRandom())
        server = HTTPServer(configuration: configuration, responder: pipeline)
        try server.start()
        port = server.port
    }

    deinit { server.stop(drainTimeout: 0) }

    /// Sends `request` on a new connection and waits (at most 5 s) until the server has it
    /// in flight. The request's handler must be held until the test lets it go.
    func startInFlight(_ request: String) throws -> RawHTTPConnection {
        let connection = try RawHTTPConnection(port: port)
        try connection.send(request)
        for _ in 0..<5000 where server.requestsInFlight == 0 { usleep(1000) }
        guard server.requestsInFlight > 0 else { throw RawHTTPError.timeout }
        return connection
    }

    /// Starts a graceful stop on a thread of its own (the shared pools may be busy with
    /// other suites' blocking tests); the semaphore is signalled when it has finished.
    func stopInBackground() -> DispatchSemaphore {
        let stopped = DispatchSemaphore(value: 0)
        Thread { [server] in
            server.stop(drainTimeout: 5)
            stopped.signal()
        }.start()
        return stopped
    }

    /// Routes most tests use: /hello, an echo of the decoded request, an HTML page, a
    /// cacheable response, a failing handler and a slow one.
    static func standardRoutes(_ router: inout Router) {
        router.get("/hello") { _ in .text("hello") }
        router.add("POST", "/echo") { request in echo(request) }
        router.get("/echo") { request in echo(request) }
        router.get("/page") { _ in .html("<p>page</p>") }
        router.get("/cacheable") { _ in
            var response = HTTPResponse.json("{}")
            response.headers.set("Cache-Control", "public, max-age=60")
            return response
        }
        router.get("/fails") { _ in throw TestFailure.secret("patron jan@example.org not found") }
        router.get("/slow") { _ in
            usleep(400_000)
            return .text("slow done")
        }
    }

    private static func echo(_ request: HTTPRequest) -> HTTPResponse {
        let object: [String: Any] = [
            "method": request.method, "path": request.path,
            "query": request.queryItems.map { [$0.name, $0.value] },
            "cookies": request.cookies, "body": String(decoding: request.body, as: UTF8.self),
            "peer": request.peerAddress, "client": request.clientAddress, "scheme": request.scheme,
            "user_agent": request.headers["user-agent"] ?? "",
        ]
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return .json(String(decoding: data, as: UTF8.self))
    }
}

enum TestFailure: Error {
    case secret(String)
}

extension RawHTTPResponse {
    /// The body parsed as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
    }
}
