/// A configuration problem: which field, where it came from, and what is wrong with it.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Dotted path of the field, e.g. `redis.url`.
    public let field: String
    /// What is wrong and what would be right. Never echoes a secret.
    public let reason: String
    /// Where the bad value came from: the config file, an environment variable or a flag.
    public let source: String?

    /// An error about `field`.
    public init(field: String, reason: String, source: String? = nil) {
        self.field = field
        self.reason = reason
        self.source = source
    }

    /// `configuration error: redis.url (from GATEWAY_REDIS_URL): scheme must be redis or unix`.
    public var description: String {
        let origin = source.map { " (from \($0))" } ?? ""
        return "configuration error: \(field)\(origin): \(reason)"
    }
}
