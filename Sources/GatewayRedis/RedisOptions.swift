/// Timeouts and pool size of a `RedisClient`.
public struct RedisOptions: Sendable, Equatable {
    /// Seconds a TCP or Unix-socket connect may take (default 1).
    public var connectTimeout: Double
    /// Seconds a single socket read or write may block, and the longest a caller waits for
    /// a free connection when all are in use (default 2).
    public var commandTimeout: Double
    /// Most connections the client keeps open at once (default 16); further callers wait.
    public var maxConnections: Int

    /// Options with the given values; every value must be positive.
    public init(connectTimeout: Double = 1.0, commandTimeout: Double = 2.0, maxConnections: Int = 16) {
        self.connectTimeout = connectTimeout
        self.commandTimeout = commandTimeout
        self.maxConnections = maxConnections
    }
}
