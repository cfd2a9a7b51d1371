import Synchronization

/// The gateway's Redis client: synchronous, thread-safe, with a small connection pool.
///
/// Made for the HTTP server's worker threads: every call blocks the calling thread for at
/// most the configured timeouts and never touches Swift concurrency. Connections are opened
/// lazily, up to `maxConnections`; a caller that finds all of them busy waits at most
/// `commandTimeout` for one, then gets `.unavailable`.
///
/// Errors: an error *reply* (`WRONGTYPE`, `ERR ...`) is returned as `RedisValue.error` and
/// the caller decides; only transport failures throw, as `.unavailable` (the gateway
/// answers 503). Opening a connection may also throw `.authenticationFailed` (AUTH refused
/// or a password is required) or `.server` (e.g. the database index does not exist).
///
/// Reconnect and retry rule:
/// - A connection that saw any error (I/O, EOF, timeout, protocol) is closed and never
///   reused; the next call opens a fresh one, so the client recovers by itself once Redis
///   is back.
/// - When a connection that was idle in the pool fails with an I/O error or EOF before any
///   reply was read (typically: the server restarted while it sat idle, so the command
///   never reached it), the call is retried exactly once on a brand-new connection. If
///   that fails too, the call throws `.unavailable`.
/// - Nothing else is retried: not a timeout (the server may still be running the
///   command), not a failure on a freshly opened connection, and not a pipeline that had
///   already received a reply.
public final class RedisClient: Sendable {
    /// Where this client connects.
    public let endpoint: RedisEndpoint
    /// The timeouts and pool size this client was created with.
    public let options: RedisOptions
    private let pool: RedisPool
    private let sent = Atomic<UInt64>(0)
    private static let pingCommand = RedisCommand(["PING"])

    /// Commands this client has written to Redis, retries included (a pipeline of n
    /// commands counts n; the connection handshake is not counted). For benchmarks and
    /// tests that count round trips.
    public var commandsSent: UInt64 { sent.load(ordering: .relaxed) }

    /// A client for `endpoint`; no connection is opened until the first call.
    /// Timeouts and `maxConnections` must be positive.
    public init(endpoint: RedisEndpoint, options: RedisOptions = .init()) {
        precondition(options.connectTimeout > 0, "RedisOptions.connectTimeout must be positive")
        precondition(options.commandTimeout > 0, "RedisOptions.commandTimeout must be positive")
        precondition(options.maxConnections > 0, "RedisOptions.maxConnections must be positive")
        BrokenPipe.ignoredUnlessHandled
        self.endpoint = endpoint
        self.options = options
        self.pool = RedisPool(endpoint: endpoint, options: options)
    }

    /// Runs one command, e.g. `["SET", key, value, "EX", "60"]`; arguments travel as
    /// length-prefixed bulk strings, never through a format string.
    /// - Returns: the reply, including `.error` for an error reply.
    /// - Throws: `RedisError` on transport failure (see the retry rule above).
    public func command(_ arguments: [String]) throws(RedisError) -> RedisValue {
        try run(RedisCommand(arguments))
    }

    /// Runs one command whose arguments are raw bytes (binary values, NUL included).
    /// - Returns: the reply, including `.error` for an error reply.
    /// - Throws: `RedisError` on transport failure (see the retry rule above).
    public func command(bytes arguments: [[UInt8]]) throws(RedisError) -> RedisValue {
        try run(RedisCommand(bytes: arguments))
    }

    /// Sends all commands, then reads their replies in order: one round trip on one
    /// connection. The commands are not atomic (wrap them in MULTI/EXEC for that).
    /// - Returns: one reply per command, in order.
    /// - Throws: `RedisError` on transport failure (see the retry rule above).
    public func pipeline(_ commands: [[String]]) throws(RedisError) -> [RedisValue] {
        guard !commands.isEmpty else { return [] }
        let packed = commands.map(RedisCommand.init)
        guard !packed.contains(where: \.isEmpty) else { throw .protocolError("empty command in pipeline") }
        return try withConnection { connection throws(RedisTransportFailure) in
            sent.add(UInt64(packed.count), ordering: .relaxed)
            return try connection.pipeline(packed)
        }
    }

    /// Readiness check: `PING` must answer `PONG`.
    /// - Throws: `RedisError`; `.server` when Redis answers with an error (e.g. `LOADING`).
    public func ping() throws(RedisError) {
        let reply = try run(Self.pingCommand)
        switch reply {
        case .status("PONG"): return
        case .error(let message): throw .server(message)
        default: throw .protocolError("unexpected reply to PING")
        }
    }

    private func run(_ command: RedisCommand) throws(RedisError) -> RedisValue {
        guard !command.isEmpty else { throw .protocolError("empty command") }
        return try withConnection { connection throws(RedisTransportFailure) in
            sent.add(1, ordering: .relaxed)
            return try connection.send(command)
        }
    }

    /// One checkout and checkin per call, with the single retry described above.
    private func withConnection<Result>(
        _ body: (RedisConnection) throws(RedisTransportFailure) -> Result
    ) throws(RedisError) -> Result {
        let checkout = try pool.checkOut()
        var connection = checkout.connection
        defer { pool.checkIn(connection) }
        do {
            return try body(connection)
        } catch {
            guard checkout.reused, error.allowsRetry else { throw error.redisError }
            connection = try pool.connect()
            do {
                return try body(connection)
            } catch {
                throw error.redisError
            }
        }
    }
}
