import Dispatch
import Foundation
import GatewayTesting
import Synchronization
import Testing
import GatewaySQLite

@Suite struct SQLiteDatabaseTests {
    @Test func concurrentInsertsThroughThePoolAllSucceed() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.file("gateway.db"), maxConnections: 3)
        try database.withConnection { try $0.execute("CREATE TABLE hit(id INTEGER PRIMARY KEY, worker INTEGER NOT NULL)") }
        let failures = Mutex<[String]>([])
        let inUse = Atomic<Int>(0)
        let mostInUse = Atomic<Int>(0)

        DispatchQueue.concurrentPerform(iterations: 400) { index in
            do {
                try database.withConnection { connection in
                    let now = inUse.add(1, ordering: .sequentiallyConsistent).newValue
                    mostInUse.max(now, ordering: .sequentiallyConsistent)
                    defer { inUse.subtract(1, ordering: .sequentiallyConsistent) }
                    try connection.run("INSERT INTO hit(worker) VALUES (?1)", [SQLiteValue(index)])
                }
            } catch {
                failures.withLock { $0.append(String(describing: error)) }
            }
        }

        #expect(failures.withLock { $0 } == [])
        let count = try database.withConnection { try $0.query("SELECT count(DISTINCT worker) AS n FROM hit").first?.int("n") }
        #expect(count == 400)
        #expect(mostInUse.load(ordering: .sequentiallyConsistent) <= 3)
    }

    @Test func waitingCallerGetsTheConnectionWhenItIsReturned() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.file("gateway.db"), maxConnections: 1)
        let lent = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)

        DispatchQueue.global().async {
            _ = try? database.withConnection { _ in
                lent.signal()
                usleep(100_000)
            }
            finished.signal()
        }
        lent.wait()

        #expect(try database.withConnection { try $0.query("SELECT 1 AS one").first?.int("one") } == 1)
        finished.wait()
    }

    @Test func exhaustedPoolFailsWithBusyErrorAfterTheTimeout() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.file("gateway.db"), busyTimeoutMilliseconds: 50, maxConnections: 1)

        let error = #expect(throws: SQLiteError.self) {
            try database.withConnection { _ in try database.withConnection { _ in } }
        }

        #expect(error == .poolExhausted(waitedMilliseconds: 50))
        #expect(error?.isBusy == true)
    }

    @Test func transactionLeftOpenByABodyIsRolledBackOnReturn() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.file("gateway.db"), maxConnections: 1)
        try database.withConnection { try $0.execute("CREATE TABLE note(text TEXT)") }

        try database.withConnection { connection in
            try connection.execute("BEGIN")
            try connection.run("INSERT INTO note(text) VALUES ('dangling')")
        }

        let (inTransaction, count) = try database.withConnection { connection in
            (connection.isInTransaction, try connection.query("SELECT count(*) AS n FROM note").first?.int("n"))
        }
        #expect(!inTransaction)
        #expect(count == 0)
    }

    @Test func pingSucceedsOnReadableDatabase() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.file("gateway.db"))

        try database.ping()
    }

    @Test func openingDatabaseInMissingDirectoryFailsWithOpenError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }

        let error = #expect(throws: SQLiteError.self) {
            try SQLiteDatabase(path: directory.file("no-such-directory/gateway.db"))
        }

        guard case .open(let failure) = error else {
            Issue.record("expected .open, got \(String(describing: error))")
            return
        }
        #expect(failure.message.contains("does not exist"))
        #expect(error?.isBusy == false)
    }
}
