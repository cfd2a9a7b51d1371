import Foundation
import GatewayApp
import GatewayCore
import GatewayCrypto
import GatewayHTTP
import GatewayTesting
import Testing

/// Configuration with the directories every valid config needs.
private func load(_ flags: [String] = [], environment: [String: String] = [:], file: String? = nil) throws(ConfigurationError) -> GatewayConfiguration {
    let directory = TemporaryDirectory()
    var arguments = ["--keys-dir", directory.path, "--policies-dir", directory.path, "--sqlite-path", directory.file("db.sqlite3")]
    if let file {
        let path = directory.file("gateway.json")
        _ = FileManager.default.createFile(atPath: path, contents: Data(file.utf8))
        arguments += ["--config", path]
    }
    return try CommandLineInterface.loadConfiguration(arguments + flags, environment: environment)
}

private func expectError(field: String, reason: String, source: String? = nil, _ flags: [String] = [],
                         environment: [String: String] = [:], file: String? = nil) {
    do {
        _ = try load(flags, environment: environment, file: file)
        Issue.record("expected an error about \(field)")
    } catch {
        #expect(error.field == field)
        #expect(error.reason == reason)
        if let source { #expect(error.source == source) }
    }
}

@Suite struct ConfigurationTests {
    @Test func defaultsAreValidForLocalDevelopment() throws {
        let configuration = try load()
        #expect(configuration.issuer == "http://127.0.0.1:8080")
        #expect(configuration.http.port == 8080)
        #expect(configuration.argon2 == .owaspMinimum)
        #expect(!configuration.issuerIsHTTPS)
    }

    @Test func fileThenEnvironmentThenFlagsOverrideEachOther() throws {
        let file = #"{"http": {"port": 9001, "threads": 3}, "log": {"level": "warning"}}"#
        let fromFile = try load(file: file)
        #expect(fromFile.http.port == 9001)
        #expect(fromFile.http.threads == 3)
        #expect(fromFile.logLevel == .warning)
        let fromEnvironment = try load(environment: ["GATEWAY_PORT": "9002"], file: file)
        #expect(fromEnvironment.http.port == 9002)
        let fromFlag = try load(["--port=9003"], environment: ["GATEWAY_PORT": "9002"], file: file)
        #expect(fromFlag.http.port == 9003)
    }

    @Test func listsComeFromCommaSeparatedEnvironmentValues() throws {
        let configuration = try load(environment: ["GATEWAY_TRUSTED_PROXIES": "10.0.0.0/8, ::1"])
        #expect(configuration.trustedProxies.count == 2)
    }

    @Test func httpsIssuerTurnsOnHTTPS() throws {
        #expect(try load(["--issuer", "https://login.bibliotheek.example"]).issuerIsHTTPS)
    }

    @Test(arguments: [
        (["--issuer", "http://login.example.org"], "issuer", "must use https (http is allowed only for localhost during development)"),
        (["--issuer", "https://login.example.org/"], "issuer", "must not end with '/'"),
        (["--issuer", "https://login.example.org?x=1"], "issuer", "must not contain a query, fragment or user info (OIDC Core §2)"),
        (["--issuer", "not a url"], "issuer", "must be an absolute URL such as https://login.example.org"),
        (["--port", "70000"], "http.port", "must be between 0 and 65535, got 70000"),
        (["--port", "eighty"], "http.port", "must be a whole number"),
        (["--listen", "localhost"], "http.listen_address", "must be an IPv4 or IPv6 address, e.g. 127.0.0.1 or ::"),
        (["--trusted-proxies", "10.0.0.0/33"], "http.trusted_proxies", "'10.0.0.0/33' is not an IP address or CIDR block"),
        (["--redis-url", "http://127.0.0.1:6379"], "redis.url", nil),
        (["--redis-connect-timeout", "0"], "redis.connect_timeout_seconds", "must be between 0.01 and 60.0, got 0.0"),
        (["--argon2-memory-kib", "1024"], "argon2.memory_kib", "must be at least 19456 (19 MiB)"),
        (["--argon2-iterations", "1"], "argon2.iterations", "must be at least 2"),
        (["--log-level", "loud"], "log.level", "must be debug, info, warning or error"),
        (["--log-requests", "maybe"], "log.requests", "must be true or false"),
        (["--keys-dir", "/nonexistent/keys"], "keys_dir", "'/nonexistent/keys' is not an existing directory"),
        (["--sqlite-path", "/nonexistent/dir/db.sqlite3"], "sqlite.path", "directory '/nonexistent/dir' does not exist"),
        (["--bogus"], "arguments", "unknown option '--bogus' (see gateway --help)"),
        (["--throttle-pepper", "short"], "login.throttle_pepper", "must be at least 16 characters"),
        (["--session-absolute-seconds", "600"], "sessions.absolute_seconds", "must be at least sessions.idle_seconds (1800)"),
        (["--rotation-publish-seconds", "60"], "keys.rotation_publish_seconds",
         "must be longer than keys.jwks_max_age_seconds (3600), or partners could meet a new key before their cached JWKS has it"),
        (["--access-token-alg", "HS256"], "keys.access_token_alg", "must be ES256, RS256 or EdDSA"),
    ] as [([String], String, String?)])
    func invalidFlagIsRefusedNamingTheField(flags: [String], field: String, reason: String?) {
        do {
            _ = try load(flags)
            Issue.record("expected an error about \(field)")
        } catch {
            #expect(error.field == field)
            if let reason { #expect(error.reason == reason) }
            if field != "arguments" { #expect(error.source == flags[0].split(separator: "=").first.map(String.init)) }
        }
    }

    @Test func redisURLErrorsNeverEchoThePassword() {
        do {
            _ = try load(["--redis-url", "redis://:hunter2@127.0.0.1:notaport/0"])
            Issue.record("expected an error")
        } catch {
            #expect(error.field == "redis.url")
            #expect(!error.description.contains("hunter2"))
        }
    }

    @Test func environmentErrorsNameTheVariable() {
        expectError(field: "http.port", reason: "must be a whole number", source: "GATEWAY_PORT", environment: ["GATEWAY_PORT": "x"])
    }

    @Test func unknownFieldInTheFileIsRefused() {
        expectError(field: "http.prot", reason: "unknown field", file: #"{"http": {"prot": 1}}"#)
    }

    @Test func wrongTypeInTheFileIsRefused() {
        expectError(field: "http.port", reason: "must be a whole number", file: #"{"http": {"port": "x"}}"#)
        expectError(field: "log.requests", reason: "must be true or false", file: #"{"log": {"requests": 1}}"#)
        expectError(field: "http.trusted_proxies", reason: "must be a list of strings", file: #"{"http": {"trusted_proxies": [1]}}"#)
    }

    @Test func malformedFileIsRefused() {
        do { _ = try load(file: "{not json"); Issue.record("expected an error") } catch {
            #expect(error.field == "config")
            #expect(error.reason.hasSuffix("is not valid JSON"))
        }
    }
}
