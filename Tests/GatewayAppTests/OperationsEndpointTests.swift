import Foundation
import GatewayApp
import GatewayCore
import GatewayCrypto
import GatewayHTTP
import GatewayTesting
import GatewayTokens
import Testing

/// A real gateway (SQLite file, private Redis, HTTP on an ephemeral port).
final class RunningGateway: Sendable {
    let redis: RedisServerProcess
    let directory: TemporaryDirectory
    let logs = MemoryLogSink()
    let application: GatewayApplication
    let port: UInt16

    /// A gateway with the policy files `policies` imported (their generated client secrets
    /// in `secret(of:)`). Their `backchannel_logout_uri` is dropped unless
    /// `backchannelLogout` is set: the demo policies name the fixed ports 8090/8091, where
    /// only the browser test runs real demo applications, and a logout in any other test
    /// running beside it would post that gateway's logout token to them.
    init(extraFlags: [String] = [], policies: [String] = [], backchannelLogout: Bool = false) throws {
        let directory = TemporaryDirectory()
        self.directory = directory
        redis = try RedisServerProcess()
        for algorithm in policies.isEmpty ? [SignatureAlgorithm.es256] : SignatureAlgorithm.allCases {
            try KeyAdministration(directory: directory.path).generate(algorithm)
        }
        let chosen = freeLoopbackPort()
        let flags = ["--port", String(chosen), "--issuer", "http://127.0.0.1:\(chosen)", "--redis-url", redis.url, "--redis-connect-timeout", "0.2", "--redis-command-timeout", "0.5",
                     "--keys-dir", directory.path, "--policies-dir", emptyPolicies(directory),
                     "--sqlite-path", directory.file("gateway.sqlite3")] + extraFlags
        if !policies.isEmpty {
            let files = backchannelLogout ? policies : try policies.map { try Self.withoutBackchannelLogout($0, into: directory) }
            let imported = CommandLineInterface.run(["policy", "import"] + files + ["--secrets-dir", directory.file("secrets")] + flags,
                                                    environment: [:])
            guard imported == 0 else { throw RunningGatewayError.importFailed(status: imported) }
        }
        let configuration = try CommandLineInterface.loadConfiguration(flags, environment: [:])
        application = try GatewayApplication(configuration: configuration, logSink: logs)
        port = try application.start()
    }

    deinit {
        application.stop()
        directory.remove()
    }

    /// The client secret the import generated for `clientID`.
    func secret(of clientID: String) throws -> String {
        try String(contentsOfFile: directory.file("secrets/\(clientID).secret"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A copy of the policy file at `path` in `directory` without `backchannel_logout_uri`.
    private static func withoutBackchannelLogout(_ path: String, into directory: TemporaryDirectory) throws -> String {
        guard var policy = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any] else {
            throw RunningGatewayError.unreadablePolicy(path)
        }
        policy["backchannel_logout_uri"] = nil
        let copies = directory.file("policies-imported")
        try FileManager.default.createDirectory(atPath: copies, withIntermediateDirectories: true)
        let copy = (copies as NSString).appendingPathComponent((path as NSString).lastPathComponent)
        try JSONSerialization.data(withJSONObject: policy, options: [.sortedKeys]).write(to: URL(fileURLWithPath: copy))
        return copy
    }

    /// The demo policy files of the repository.
    static var demoPolicies: [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ["reading-tipper.json", "e-books.json"].map { root.appendingPathComponent("Policies/\($0)").path }
    }
}

enum RunningGatewayError: Error {
    case importFailed(status: Int32)
    case unreadablePolicy(String)
}

@Suite struct OperationsEndpointTests {
    @Test func healthzAnswersOK() throws {
        let gateway = try RunningGateway()
        let response = try rawRequest(port: gateway.port, "GET", "/healthz")
        #expect(response.status == 200)
        #expect(response.text == #"{"status":"ok"}"#)
        #expect(response.header("cache-control") == "no-store")
        #expect(response.header("x-content-type-options") == "nosniff")
        #expect(response.header("referrer-policy") == "no-referrer")
        #expect(response.header("strict-transport-security") == nil)
    }

    @Test func readyzFollowsRedisDownAndBackUp() throws {
        let gateway = try RunningGateway()
        #expect(try rawRequest(port: gateway.port, "GET", "/readyz").text == #"{"status":"ready","checks":{"redis":"up","store":"up"}}"#)
        gateway.redis.stop()
        let down = try rawRequest(port: gateway.port, "GET", "/readyz")
        #expect(down.status == 503)
        #expect(down.text == #"{"status":"unavailable","checks":{"redis":"down","store":"up"}}"#)
        #expect(down.header("retry-after") == "5")
        #expect(try rawRequest(port: gateway.port, "GET", "/healthz").status == 200)
        try gateway.redis.start()
        #expect(try rawRequest(port: gateway.port, "GET", "/readyz").status == 200)
        #expect(gateway.logs.lines.contains { $0.contains("\"event\":\"dependency_down\"") && $0.contains("\"dependency\":\"redis\"") })
    }

    @Test func metricsCountRequestsByRouteAndStatus() throws {
        let gateway = try RunningGateway()
        _ = try rawRequest(port: gateway.port, "GET", "/healthz")
        _ = try rawRequest(port: gateway.port, "GET", "/no/such/page?email=jan@example.org")
        let metrics = try rawRequest(port: gateway.port, "GET", "/metrics")
        #expect(metrics.status == 200)
        #expect(metrics.header("content-type") == "text/plain; version=0.0.4; charset=utf-8")
        #expect(metrics.text.contains(#"gateway_http_requests_total{route="/healthz",method="GET",status="200"} 1"#))
        #expect(metrics.text.contains(#"gateway_http_requests_total{route="unmatched",method="GET",status="404"} 1"#))
        #expect(metrics.text.contains("gateway_http_request_duration_seconds_bucket{route=\"/healthz\",method=\"GET\",le=\"+Inf\"} 1"))
        #expect(metrics.text.contains("process_resident_memory_bytes "))
        #expect(!metrics.text.contains("jan@example.org"))
    }

    @Test func metricsAreRefusedToClientsOutsideTheAllowedNetworks() throws {
        let gateway = try RunningGateway(extraFlags: ["--trusted-proxies", "127.0.0.1"])
        let outside = try rawRequest(port: gateway.port, "GET", "/metrics", headers: ["X-Forwarded-For": "203.0.113.9"])
        #expect(outside.status == 403)
        let inside = try rawRequest(port: gateway.port, "GET", "/metrics")
        #expect(inside.status == 200)
    }

    @Test func accessLogHoldsNoPathQueryOrAddress() throws {
        let gateway = try RunningGateway()
        _ = try rawRequest(port: gateway.port, "GET", "/healthz?user=jan@example.org", headers: ["User-Agent": "Jan's phone"])
        let line = try #require(gateway.logs.lines.last { $0.contains("\"event\":\"http_request\"") })
        #expect(line.contains("\"route\":\"/healthz\""))
        #expect(line.contains("\"status\":200"))
        #expect(!line.contains("jan@example.org"))
        #expect(!line.contains("127.0.0.1"))
        #expect(!line.contains("phone"))
    }

    @Test func httpsIssuerAddsStrictTransportSecurity() throws {
        let gateway = try RunningGateway(extraFlags: ["--issuer", "https://login.example.org"])
        let response = try rawRequest(port: gateway.port, "GET", "/healthz")
        #expect(response.header("strict-transport-security") == "max-age=31536000; includeSubDomains")
    }
}
