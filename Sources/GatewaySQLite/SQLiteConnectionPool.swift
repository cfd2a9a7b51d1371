import Dispatch
import Synchronization

/// A bounded set of connections to one database file, each lent to one caller at a time.
///
/// The semaphore counts free slots (connections idle or not yet opened); the mutex
/// guards the idle list. A caller takes a slot, then an idle connection or, when none is
/// idle, opens a new one, so at most `maxConnections` ever exist.
final class SQLiteConnectionPool: Sendable {
    /// An idle connection in the pool's list.
    ///
    /// `@unchecked Sendable` because a connection is never shared: while idle only the list
    /// holds it, and a checkout moves it to exactly one caller until it is checked back in.
    private struct Idle: @unchecked Sendable {
        let connection: SQLiteConnection
    }

    private let idle: Mutex<[Idle]>
    private let freeSlots: DispatchSemaphore
    private let waitMilliseconds: Int
    private let open: @Sendable () throws -> SQLiteConnection

    /// - Parameters:
    ///   - first: an already opened connection, which proved the file can be opened.
    ///   - waitMilliseconds: how long a caller waits for a free connection before
    ///     `SQLiteError.poolExhausted`.
    ///   - open: opens one more connection when none is idle.
    init(
        first: sending SQLiteConnection, maxConnections: Int, waitMilliseconds: Int,
        open: @escaping @Sendable () throws -> SQLiteConnection
    ) {
        idle = Mutex([Idle(connection: first)])
        freeSlots = DispatchSemaphore(value: maxConnections)
        self.waitMilliseconds = waitMilliseconds
        self.open = open
    }

    /// Lends a connection to `body` and takes it back afterwards, also when `body` throws.
    func withConnection<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        guard freeSlots.wait(timeout: .now() + .milliseconds(waitMilliseconds)) == .success else {
            throw SQLiteError.poolExhausted(waitedMilliseconds: waitMilliseconds)
        }
        defer { freeSlots.signal() }
        let connection = try idle.withLock { $0.popLast() }?.connection ?? open()
        defer { checkIn(connection) }
        return try body(connection)
    }

    private func checkIn(_ connection: SQLiteConnection) {
        // A body that began a transaction by hand and threw must not hand it to the next caller.
        connection.rollbackIfActive()
        let entry = Idle(connection: connection)
        idle.withLock { $0.append(entry) }
    }
}
