/// A SQLite database file shared by the whole gateway: a small pool of connections that
/// any thread may borrow.
///
/// Safe to share between threads. Each `withConnection` call gets a connection for
/// itself; the pool opens connections lazily up to `maxConnections` and makes further
/// callers wait for one to come back.
public final class SQLiteDatabase: Sendable {
    /// Path of the database file.
    public let path: String
    private let pool: SQLiteConnectionPool

    /// Opens the file at `path` (creating it if needed) and keeps that first connection
    /// in the pool.
    ///
    /// - Parameters:
    ///   - busyTimeoutMilliseconds: how long a statement waits for another connection's
    ///     lock, and how long `withConnection` waits for a free pooled connection.
    ///   - maxConnections: the most connections this database opens (at least 1).
    /// - Throws: `SQLiteError.open` when the file cannot be opened, for instance because
    ///   its directory does not exist.
    public init(path: String, busyTimeoutMilliseconds: Int = 5000, maxConnections: Int = 8) throws {
        self.path = path
        let first = try SQLiteConnection(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        pool = SQLiteConnectionPool(
            first: first, maxConnections: max(1, maxConnections), waitMilliseconds: busyTimeoutMilliseconds
        ) {
            try SQLiteConnection(path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        }
    }

    /// Lends a pooled connection to `body` and takes it back afterwards (rolling back a
    /// transaction `body` left open).
    ///
    /// Do not keep the connection beyond `body`, and do not call `withConnection` again
    /// from inside `body`: with every connection lent out, that would wait for itself.
    /// - Throws: `SQLiteError.poolExhausted` when no connection came free within the busy
    ///   timeout, `SQLiteError.open` when a new connection could not be opened, and
    ///   whatever `body` throws.
    public func withConnection<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try pool.withConnection(body)
    }

    /// Reads the schema table, proving that the file is still there and readable; for
    /// readiness checks.
    public func ping() throws {
        _ = try withConnection { try $0.query("SELECT count(*) FROM sqlite_master") }
    }
}
