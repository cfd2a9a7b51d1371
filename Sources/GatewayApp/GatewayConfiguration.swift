public import Foundation
public import GatewayCore
public import GatewayCrypto
public import GatewayHTTP
public import GatewayRedis

/// The validated configuration of one gateway process. Built once at start-up from
/// defaults, the JSON file, `GATEWAY_*` variables and flags; nothing binds until every
/// field has passed validation.
public struct GatewayConfiguration: Sendable {
    /// Issuer identifier (OIDC Core §2): https, or http on a loopback host for development.
    public var issuer: String
    /// The HTTP listener.
    public var http: HTTPServerConfiguration
    /// Proxies whose forwarding headers are believed.
    public var trustedProxies: [IPNetwork]
    /// Client networks that may read `/metrics`.
    public var metricsAllowedFrom: [IPNetwork]
    /// Where Redis is.
    public var redisEndpoint: RedisEndpoint
    /// Redis timeouts and pool size.
    public var redisOptions: RedisOptions
    /// SQLite database file.
    public var sqlitePath: String
    /// How long a SQLite call waits for a lock.
    public var sqliteBusyTimeoutMilliseconds: Int
    /// Signing keys directory.
    public var keysDirectory: String
    /// Algorithm of access tokens.
    public var accessTokenAlgorithm: SignatureAlgorithm
    /// `max-age` of `/jwks.json`.
    public var jwksMaxAgeSeconds: Int
    /// How long `gateway keys rotate` publishes a key before it signs.
    public var rotationPublishSeconds: Int
    /// Application policies directory.
    public var policiesDirectory: String
    /// Member export file of the library system (used when no URL is set).
    public var librarySystemFile: String
    /// Base URL of the library system's API, when it is reached over HTTP.
    public var librarySystemURL: String?
    /// Timeout of one library system call.
    public var librarySystemTimeoutSeconds: Double
    /// How long a confirmed membership is trusted at login.
    public var membershipCacheSeconds: Int
    /// SSO idle timeout.
    public var sessionIdleSeconds: Int
    /// SSO absolute lifetime.
    public var sessionAbsoluteSeconds: Int
    /// Secret mixed into login-throttle keys; nil means one random per process.
    public var throttlePepper: String?
    /// Password hashing cost.
    public var argon2: Argon2Parameters
    /// Lowest log level written.
    public var logLevel: LogLevel
    /// Whether each request gets an access-log line.
    public var logRequests: Bool

    /// True when the issuer is https (HSTS and Secure cookies follow from it).
    public var issuerIsHTTPS: Bool { issuer.lowercased().hasPrefix("https://") }

    /// Validates every field of `source`; the first problem is thrown.
    public init(source: ConfigurationSource, cores: Int = ProcessInfo.processInfo.activeProcessorCount) throws(ConfigurationError) {
        let read = ConfigurationReader(source: source)
        issuer = try Self.validIssuer(read)
        http = try Self.httpSettings(read, cores: cores)
        trustedProxies = try Self.networks(read, "http.trusted_proxies", default: [])
        metricsAllowedFrom = try Self.networks(read, "http.metrics_allowed_from", default: ["127.0.0.0/8", "::1/128"])
        let url = try read.string("redis.url", default: "redis://127.0.0.1:6379/0")
        do { redisEndpoint = try RedisEndpoint(url: url) } catch { throw read.fail("redis.url", error.reason) }
        redisOptions = RedisOptions(
            connectTimeout: try read.double("redis.connect_timeout_seconds", default: 1, range: 0.01...60),
            commandTimeout: try read.double("redis.command_timeout_seconds", default: 2, range: 0.01...60),
            maxConnections: try read.int("redis.max_connections", default: 16, range: 1...1024))
        sqlitePath = try Self.validSQLitePath(read)
        sqliteBusyTimeoutMilliseconds = try read.int("sqlite.busy_timeout_ms", default: 5000, range: 0...600_000)
        keysDirectory = try Self.directory(read, "keys_dir", default: "Keys")
        policiesDirectory = try Self.directory(read, "policies_dir", default: "Policies")
        let alg = try read.string("keys.access_token_alg", default: "ES256")
        guard let accessAlg = SignatureAlgorithm(rawValue: alg) else { throw read.fail("keys.access_token_alg", "must be ES256, RS256 or EdDSA") }
        accessTokenAlgorithm = accessAlg
        jwksMaxAgeSeconds = try read.int("keys.jwks_max_age_seconds", default: 3600, range: 0...86_400)
        rotationPublishSeconds = try read.int("keys.rotation_publish_seconds", default: 86_400, range: 0...31_536_000)
        guard rotationPublishSeconds > jwksMaxAgeSeconds else {
            throw read.fail("keys.rotation_publish_seconds", "must be longer than keys.jwks_max_age_seconds (\(jwksMaxAgeSeconds)), "
                            + "or partners could meet a new key before their cached JWKS has it")
        }
        argon2 = try Self.argon2Parameters(read)
        librarySystemURL = try read.string("library_system.url", default: "").nilIfEmpty
        librarySystemFile = try read.string("library_system.file", default: "LibrarySystems/demo-members.json")
        librarySystemTimeoutSeconds = try read.double("library_system.timeout_seconds", default: 3, range: 0.1...60)
        membershipCacheSeconds = try read.int("library_system.membership_cache_seconds", default: 300, range: 0...86_400)
        sessionIdleSeconds = try read.int("sessions.idle_seconds", default: 1800, range: 60...86_400)
        sessionAbsoluteSeconds = try read.int("sessions.absolute_seconds", default: 43_200, range: 300...2_592_000)
        guard sessionAbsoluteSeconds >= sessionIdleSeconds else {
            throw read.fail("sessions.absolute_seconds", "must be at least sessions.idle_seconds (\(sessionIdleSeconds))")
        }
        throttlePepper = try read.string("login.throttle_pepper", default: "").nilIfEmpty
        if let pepper = throttlePepper, pepper.utf8.count < 16 { throw read.fail("login.throttle_pepper", "must be at least 16 characters") }
        let level = try read.string("log.level", default: "info")
        guard let parsedLevel = LogLevel(rawValue: level) else { throw read.fail("log.level", "must be debug, info, warning or error") }
        logLevel = parsedLevel
        logRequests = try read.bool("log.requests", default: true)
    }

    private static func validIssuer(_ read: ConfigurationReader) throws(ConfigurationError) -> String {
        let issuer = try read.string("issuer", default: "http://127.0.0.1:8080")
        guard let parts = URLComponents(string: issuer), let scheme = parts.scheme?.lowercased(), let host = parts.host, !host.isEmpty else {
            throw read.fail("issuer", "must be an absolute URL such as https://login.example.org")
        }
        guard parts.query == nil, parts.fragment == nil, parts.user == nil else {
            throw read.fail("issuer", "must not contain a query, fragment or user info (OIDC Core §2)")
        }
        guard !issuer.hasSuffix("/") else { throw read.fail("issuer", "must not end with '/'") }
        let loopback = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host.lowercased())
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw read.fail("issuer", "must use https (http is allowed only for localhost during development)")
        }
        return issuer
    }

    private static func httpSettings(_ read: ConfigurationReader, cores: Int) throws(ConfigurationError) -> HTTPServerConfiguration {
        let host = try read.string("http.listen_address", default: "127.0.0.1")
        guard IPAddress(host) != nil else { throw read.fail("http.listen_address", "must be an IPv4 or IPv6 address, e.g. 127.0.0.1 or ::") }
        return HTTPServerConfiguration(
            host: host,
            port: UInt16(try read.int("http.port", default: 8080, range: 0...65535)),
            threads: try read.int("http.threads", default: max(2, 2 * cores), range: 1...256),
            connectionTimeoutSeconds: try read.int("http.connection_timeout_seconds", default: 10, range: 1...3600),
            maxHeaderBytes: try read.int("http.max_header_bytes", default: 16_384, range: 4096...1_048_576),
            maxBodyBytes: try read.int("http.max_body_bytes", default: 1_048_576, range: 1024...67_108_864),
            maxConnections: try read.int("http.max_connections", default: 4096, range: 1...1_000_000),
            maxConnectionsPerIP: try read.int("http.max_connections_per_ip", default: 0, range: 0...1_000_000),
            drainTimeoutSeconds: try read.double("http.drain_timeout_seconds", default: 10, range: 0...600))
    }

    private static func networks(_ read: ConfigurationReader, _ path: String, default fallback: [String]) throws(ConfigurationError) -> [IPNetwork] {
        var result: [IPNetwork] = []
        for text in try read.list(path, default: fallback) {
            guard let network = IPNetwork(text) else { throw read.fail(path, "'\(text)' is not an IP address or CIDR block") }
            result.append(network)
        }
        return result
    }

    private static func validSQLitePath(_ read: ConfigurationReader) throws(ConfigurationError) -> String {
        let path = try read.string("sqlite.path", default: "var/gateway.sqlite3")
        guard !path.isEmpty else { throw read.fail("sqlite.path", "must not be empty") }
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.isEmpty ? "." : directory, isDirectory: &isDirectory),
              isDirectory.boolValue else {
            throw read.fail("sqlite.path", "directory '\(directory)' does not exist")
        }
        return path
    }

    private static func directory(_ read: ConfigurationReader, _ path: String, default fallback: String) throws(ConfigurationError) -> String {
        let value = try read.string(path, default: fallback)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: value, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw read.fail(path, "'\(value)' is not an existing directory")
        }
        return value
    }

    private static func argon2Parameters(_ read: ConfigurationReader) throws(ConfigurationError) -> Argon2Parameters {
        let parameters = Argon2Parameters(
            memoryKiB: try read.int("argon2.memory_kib", default: Argon2Parameters.owaspMinimum.memoryKiB, range: 1...4_194_304),
            iterations: try read.int("argon2.iterations", default: Argon2Parameters.owaspMinimum.iterations, range: 1...100),
            parallelism: try read.int("argon2.parallelism", default: Argon2Parameters.owaspMinimum.parallelism, range: 1...64))
        if let problem = parameters.problem { throw read.fail("argon2." + problem.parameter, problem.reason) }
        return parameters
    }
}
