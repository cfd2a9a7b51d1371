import Foundation

/// Every configuration field, with its environment variable, its flag and a one-line
/// explanation. `--help`, the env/flag overrides and the README table come from here.
public struct ConfigurationField: Sendable {
    /// Dotted path in the JSON file.
    public let path: String
    /// Environment variable that overrides it.
    public let environment: String
    /// Command-line flag that overrides it (without the value).
    public let flag: String
    /// Whether the value is a comma-separated list in env/flags.
    public let isList: Bool
    /// What it means.
    public let help: String
}

/// The table of fields.
public enum ConfigurationFields {
    /// All fields in display order.
    public static let list: [ConfigurationField] = [
        field("issuer", "GATEWAY_ISSUER", "--issuer", "Issuer URL partners see in tokens (https; http only on loopback)"),
        field("http.listen_address", "GATEWAY_LISTEN_ADDRESS", "--listen", "IP address to listen on"),
        field("http.port", "GATEWAY_PORT", "--port", "TCP port to listen on"),
        field("http.threads", "GATEWAY_HTTP_THREADS", "--threads", "HTTP worker threads, each with its own epoll loop (default: 2 x cores)"),
        field("http.connection_timeout_seconds", "GATEWAY_CONNECTION_TIMEOUT", "--connection-timeout", "Close connections silent this long"),
        field("http.max_header_bytes", "GATEWAY_MAX_HEADER_BYTES", "--max-header-bytes", "Largest request line + headers (431 beyond)"),
        field("http.max_body_bytes", "GATEWAY_MAX_BODY_BYTES", "--max-body-bytes", "Largest request body (413 beyond)"),
        field("http.max_connections", "GATEWAY_MAX_CONNECTIONS", "--max-connections", "Concurrent connections in total"),
        field("http.max_connections_per_ip", "GATEWAY_MAX_CONNECTIONS_PER_IP", "--max-connections-per-ip", "Concurrent connections per client IP (0 = no limit)"),
        field("http.drain_timeout_seconds", "GATEWAY_DRAIN_TIMEOUT", "--drain-timeout", "On SIGTERM, wait this long for requests in flight"),
        field("http.trusted_proxies", "GATEWAY_TRUSTED_PROXIES", "--trusted-proxies", "Proxies allowed to set X-Forwarded-For/-Proto (CIDR list)", list: true),
        field("http.metrics_allowed_from", "GATEWAY_METRICS_ALLOWED_FROM", "--metrics-allowed-from", "Client networks that may read /metrics (CIDR list)", list: true),
        field("redis.url", "GATEWAY_REDIS_URL", "--redis-url", "redis://[user:password@]host:port/db or unix:///path?db=N"),
        field("redis.connect_timeout_seconds", "GATEWAY_REDIS_CONNECT_TIMEOUT", "--redis-connect-timeout", "Redis connect timeout"),
        field("redis.command_timeout_seconds", "GATEWAY_REDIS_COMMAND_TIMEOUT", "--redis-command-timeout", "Redis command timeout"),
        field("redis.max_connections", "GATEWAY_REDIS_MAX_CONNECTIONS", "--redis-max-connections", "Redis connection pool size"),
        field("sqlite.path", "GATEWAY_SQLITE_PATH", "--sqlite-path", "SQLite database file (its directory must exist)"),
        field("sqlite.busy_timeout_ms", "GATEWAY_SQLITE_BUSY_TIMEOUT_MS", "--sqlite-busy-timeout-ms", "Wait this long for a locked database"),
        field("keys_dir", "GATEWAY_KEYS_DIR", "--keys-dir", "Directory of signing keys and their manifest"),
        field("keys.access_token_alg", "GATEWAY_ACCESS_TOKEN_ALG", "--access-token-alg", "Algorithm of access tokens: ES256 (default), RS256 or EdDSA"),
        field("keys.jwks_max_age_seconds", "GATEWAY_JWKS_MAX_AGE", "--jwks-max-age", "How long partners may cache /jwks.json"),
        field("keys.rotation_publish_seconds", "GATEWAY_ROTATION_PUBLISH_SECONDS", "--rotation-publish-seconds", "A rotated key is only published this long before it signs"),
        field("policies_dir", "GATEWAY_POLICIES_DIR", "--policies-dir", "Directory of application policy files"),
        field("library_system.file", "GATEWAY_LIBRARY_SYSTEM_FILE", "--library-system-file", "Member export file of the library system (demo/tests)"),
        field("library_system.url", "GATEWAY_LIBRARY_SYSTEM_URL", "--library-system-url", "Base URL of the library system's JSON API (overrides the file)"),
        field("library_system.timeout_seconds", "GATEWAY_LIBRARY_SYSTEM_TIMEOUT", "--library-system-timeout", "Timeout of one library system call"),
        field("library_system.membership_cache_seconds", "GATEWAY_MEMBERSHIP_CACHE_SECONDS", "--membership-cache-seconds", "How long a confirmed membership is trusted at login"),
        field("sessions.idle_seconds", "GATEWAY_SESSION_IDLE_SECONDS", "--session-idle-seconds", "SSO session ends after this long unused"),
        field("sessions.absolute_seconds", "GATEWAY_SESSION_ABSOLUTE_SECONDS", "--session-absolute-seconds", "SSO session ends this long after login at the latest"),
        field("login.throttle_pepper", "GATEWAY_THROTTLE_PEPPER", "--throttle-pepper", "Secret mixed into throttle keys (same on every node)"),
        field("argon2.memory_kib", "GATEWAY_ARGON2_MEMORY_KIB", "--argon2-memory-kib", "Argon2id memory cost in KiB (>= 19456)"),
        field("argon2.iterations", "GATEWAY_ARGON2_ITERATIONS", "--argon2-iterations", "Argon2id time cost (>= 2)"),
        field("argon2.parallelism", "GATEWAY_ARGON2_PARALLELISM", "--argon2-parallelism", "Argon2id lanes"),
        field("log.level", "GATEWAY_LOG_LEVEL", "--log-level", "debug, info, warning or error"),
        field("log.requests", "GATEWAY_LOG_REQUESTS", "--log-requests", "One JSON line per request (true/false)"),
    ]

    /// Paths of every field.
    static let all = Set(list.map(\.path))

    /// Names of nested objects in the JSON file.
    static let sections: Set<String> = ["http", "redis", "sqlite", "keys", "library_system", "sessions", "login", "argon2", "log"]

    private static func field(_ path: String, _ env: String, _ flag: String, _ help: String, list: Bool = false) -> ConfigurationField {
        ConfigurationField(path: path, environment: env, flag: flag, isList: list, help: help)
    }
}

extension ConfigurationSource {
    /// Applies `GATEWAY_*` variables from `environment`.
    public mutating func merge(environment: [String: String]) {
        for field in ConfigurationFields.list {
            guard let text = environment[field.environment] else { continue }
            set(field.path, Self.parse(text, list: field.isList), origin: field.environment)
        }
    }

    /// Applies `--flag value` / `--flag=value` pairs; returns what is left (unknown flags throw).
    public mutating func merge(flags arguments: [String]) throws(ConfigurationError) -> [String] {
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            guard argument.hasPrefix("--"), name != "--config", let field = ConfigurationFields.list.first(where: { $0.flag == name }) else {
                rest.append(argument)
                continue
            }
            let value: String
            if argument.contains("=") {
                value = String(argument.drop { $0 != "=" }.dropFirst())
            } else {
                guard index < arguments.count else { throw ConfigurationError(field: field.path, reason: "\(name) needs a value", source: name) }
                value = arguments[index]
                index += 1
            }
            set(field.path, Self.parse(value, list: field.isList), origin: name)
        }
        return rest
    }

    private static func parse(_ text: String, list: Bool) -> RawValue {
        guard list else { return .string(text) }
        return .list(text.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
}
