internal import Dispatch
import Synchronization

/// Up to `maxConnections` connections to one endpoint, opened lazily and reused.
///
/// The mutex guards the list of idle connections. A counting semaphore holds one permit
/// per connection that may be checked out at once; it is the condition callers wait on
/// when every connection is in use. A new connection is opened only when no idle one is
/// left, so idle plus checked-out connections never exceed `maxConnections`.
final class RedisPool: Sendable {
    private let endpoint: RedisEndpoint
    private let options: RedisOptions
    private let idle: Mutex<[RedisConnection]>
    private let permits: DispatchSemaphore

    /// A pool that has not opened any connection yet.
    init(endpoint: RedisEndpoint, options: RedisOptions) {
        self.endpoint = endpoint
        self.options = options
        self.idle = Mutex([])
        self.permits = DispatchSemaphore(value: options.maxConnections)
    }

    /// A connection for the caller's exclusive use until `checkIn`, and whether it was idle
    /// in the pool (rather than opened just now). Waits at most `commandTimeout` for one.
    func checkOut() throws(RedisError) -> (connection: RedisConnection, reused: Bool) {
        guard permits.wait(timeout: .now() + options.commandTimeout) == .success else {
            throw .unavailable("all \(options.maxConnections) Redis connections stayed busy for \(options.commandTimeout) s")
        }
        if let connection = idle.withLock({ $0.popLast() }) {
            return (connection, true)
        }
        do {
            return (try connect(), false)
        } catch {
            permits.signal()
            throw error
        }
    }

    /// Opens a brand-new connection; the caller must already hold a checked-out slot.
    func connect() throws(RedisError) -> RedisConnection {
        try RedisConnection.open(to: endpoint, options: options)
    }

    /// Ends a checkout: keeps the connection for reuse unless it is broken (then it is
    /// freed with its last reference), and wakes one waiting caller.
    func checkIn(_ connection: RedisConnection) {
        if !connection.isBroken {
            idle.withLock { $0.append(connection) }
        }
        permits.signal()
    }
}
