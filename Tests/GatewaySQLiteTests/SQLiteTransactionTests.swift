import Dispatch
import Foundation
import GatewayTesting
import Testing
import GatewaySQLite

@Suite struct SQLiteTransactionTests {
    private struct Abort: Error {}

    private static func open(_ directory: TemporaryDirectory, busyTimeoutMilliseconds: Int = 5000) throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: directory.file("gateway.db"), busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        try connection.execute("CREATE TABLE IF NOT EXISTS entry(id INTEGER PRIMARY KEY, note TEXT)")
        return connection
    }

    private static func count(_ connection: SQLiteConnection) throws -> Int? {
        try connection.query("SELECT count(*) AS n FROM entry").first?.int("n")
    }

    @Test func transactionCommitsWhenBodyReturns() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let writer = try Self.open(directory)
        let reader = try Self.open(directory)

        let result = try writer.transaction { connection in
            try connection.run("INSERT INTO entry(note) VALUES ('a')")
            try connection.run("INSERT INTO entry(note) VALUES ('b')")
            return "done"
        }

        #expect(result == "done")
        #expect(!writer.isInTransaction)
        #expect(try Self.count(reader) == 2)
    }

    @Test func transactionRollsBackAndRethrowsWhenBodyThrows() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Self.open(directory)

        #expect(throws: Abort.self) {
            try connection.transaction { connection in
                try connection.run("INSERT INTO entry(note) VALUES ('lost')")
                #expect(connection.isInTransaction)
                throw Abort()
            }
        }

        #expect(!connection.isInTransaction)
        #expect(try Self.count(connection) == 0)
    }

    @Test func transactionRollsBackWhenAStatementInsideFails() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Self.open(directory)

        #expect(throws: SQLiteError.self) {
            try connection.transaction { connection in
                try connection.run("INSERT INTO entry(id, note) VALUES (1, 'first')")
                try connection.run("INSERT INTO entry(id, note) VALUES (1, 'duplicate')")
            }
        }
        #expect(try Self.count(connection) == 0)
    }

    @Test func writerGivesUpWithBusyErrorAfterBusyTimeout() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let holder = try Self.open(directory)
        let waiter = try Self.open(directory, busyTimeoutMilliseconds: 100)
        try holder.run("BEGIN IMMEDIATE")
        try holder.run("INSERT INTO entry(note) VALUES ('held')")

        let error = #expect(throws: SQLiteError.self) {
            try waiter.run("INSERT INTO entry(note) VALUES ('blocked')")
        }

        #expect(error?.isBusy == true)
        guard case .busy = error else {
            Issue.record("expected .busy, got \(String(describing: error))")
            return
        }
        // Readers are not blocked by a writer in WAL mode.
        #expect(try Self.count(waiter) == 0)
        try holder.run("COMMIT")
        #expect(try waiter.run("INSERT INTO entry(note) VALUES ('later')") == 1)
    }

    @Test func writerWaitsForLockReleasedWithinBusyTimeout() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let holder = try SQLiteDatabase(path: directory.file("gateway.db"), maxConnections: 1)
        let waiter = try Self.open(directory, busyTimeoutMilliseconds: 5000)
        let locked = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)

        DispatchQueue.global().async {
            _ = try? holder.withConnection { connection in
                try connection.transaction { connection in
                    try connection.run("INSERT INTO entry(note) VALUES ('first')")
                    locked.signal()
                    usleep(200_000)
                }
            }
            finished.signal()
        }
        locked.wait()

        #expect(try waiter.run("INSERT INTO entry(note) VALUES ('second')") == 1)
        finished.wait()
        #expect(try Self.count(waiter) == 2)
    }
}
