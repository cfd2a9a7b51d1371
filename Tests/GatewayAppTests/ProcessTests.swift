import Foundation
import GatewayTesting
import Testing

private func run(_ arguments: [String]) throws -> GatewayRun { try runGateway(arguments) }

@Suite struct ProcessTests {
    @Test func versionAndHelpAnswer() throws {
        let version = try run(["version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("gateway 0."))
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.contains("gateway serve"))
        #expect(help.output.contains("GATEWAY_REDIS_URL"))
    }

    @Test func invalidConfigurationStopsStartWithTheFieldNamed() throws {
        let result = try run(["serve", "--port", "99999"])
        #expect(result.status == 78)
        #expect(result.error.contains("configuration error: http.port (from --port): must be between 0 and 65535, got 99999"))
    }

    @Test func serveRefusesToStartWithoutAnActiveKeyAndSaysHowToFixIt() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let result = try run(["serve", "--port", "0", "--keys-dir", directory.path, "--policies-dir", emptyPolicies(directory),
                              "--sqlite-path", directory.file("g.sqlite3")])
        #expect(result.status == 70)
        #expect(result.error.contains("gateway keys generate --alg ES256"))
    }

    @Test func serveRefusesAKeyFileOthersCanRead() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        #expect(try run(["keys", "generate", "--alg", "ES256", "--keys-dir", directory.path]).status == 0)
        let pem = try #require(FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasSuffix(".pem") })
        chmod(directory.file(pem), 0o644)
        let result = try run(["serve", "--port", "0", "--keys-dir", directory.path, "--policies-dir", emptyPolicies(directory),
                              "--sqlite-path", directory.file("g.sqlite3")])
        #expect(result.status == 70)
        #expect(result.error.contains("chmod 600 \(directory.file(pem))"))
    }

    @Test func policyValidateNamesTheFieldOfABrokenFile() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("broken.json")
        try #"{"client_id": "x", "id_token_signed_response_alg": "none"}"#.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try run(["policy", "validate", path, "Policies"])
        #expect(result.status == 1)
        #expect(result.output.contains("\(path): id_token_signed_response_alg:"))
        #expect(result.output.contains("Policies/e-books.json: valid"))
    }

    @Test func sigtermStopsTheServerCleanly() throws {
        let redis = try RedisServerProcess()
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let port = freeLoopbackPort()
        #expect(try run(["keys", "generate", "--alg", "ES256", "--keys-dir", directory.path]).status == 0)
        let process = Process()
        process.executableURL = try gatewayBinary()
        process.arguments = ["serve", "--port", String(port), "--redis-url", redis.url, "--keys-dir", directory.path,
                             "--policies-dir", emptyPolicies(directory), "--sqlite-path", directory.file("g.sqlite3")]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        var up = false
        for _ in 0..<500 where !up {
            up = (try? rawRequest(port: port, "GET", "/readyz").status) == 200
            if !up { usleep(10_000) }
        }
        #expect(up)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let log = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("\"event\":\"gateway_stopped\""))
        #expect(!RedisServerProcess.portAccepts(port))
    }
}
