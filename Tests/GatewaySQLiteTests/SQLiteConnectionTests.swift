import GatewayTesting
import Testing
@testable import GatewaySQLite

@Suite struct SQLiteConnectionTests {
    @Test func openingTurnsOnWALAndSetsBusyTimeoutAndPragmas() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.file("gateway.db"), busyTimeoutMilliseconds: 1234)

        #expect(try connection.query("PRAGMA journal_mode").first?[0] == .text("wal"))
        #expect(try connection.query("PRAGMA busy_timeout").first?[0] == .integer(1234))
        #expect(try connection.query("PRAGMA synchronous").first?[0] == .integer(1))  // NORMAL
        #expect(try connection.query("PRAGMA foreign_keys").first?[0] == .integer(1))
    }

    @Test func openingInMissingDirectoryFailsWithOpenError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("missing/nested/gateway.db")

        let error = #expect(throws: SQLiteError.self) { try SQLiteConnection(path: path) }
        guard case .open(let failure) = error else {
            Issue.record("expected .open, got \(String(describing: error))")
            return
        }
        #expect(failure.code == 14)  // SQLITE_CANTOPEN
        #expect(failure.message.contains("does not exist"))
        #expect(error?.description.contains(path) == true)
    }

    @Test(arguments: [
        SQLiteValue.null, .integer(Int64.min), .integer(Int64.max), .integer(0), .integer(-1),
        .real(3.25), .real(-1e300), .text(""), .text("Grüße, 世界 🚀 é"), .text("nul\u{0}inside"),
        .blob([]), .blob([0, 1, 254, 255]),
    ])
    func everyValueTypeRoundTripsUnchanged(value: SQLiteValue) throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.file("gateway.db"))
        try connection.execute("CREATE TABLE item(id INTEGER PRIMARY KEY, value)")

        try connection.run("INSERT INTO item(value) VALUES (?1)", [value])
        let id = connection.lastInsertRowID
        let rows = try connection.query("SELECT value, typeof(value) AS kind FROM item WHERE id = ?1", [.integer(id)])

        #expect(rows.count == 1)
        #expect(rows.first?["value"] == value)
        #expect(rows.first?.string("kind") == Self.storageClass(of: value))
    }

    @Test func largeBlobRoundTripsUnchanged() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.file("gateway.db"))
        let bytes = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }

        let rows = try connection.query("SELECT ?1 AS value", [.blob(bytes)])

        #expect(rows.first?.blob("value") == bytes)
    }

    private static func storageClass(of value: SQLiteValue) -> String {
        switch value {
        case .null: return "null"
        case .integer: return "integer"
        case .real: return "real"
        case .text: return "text"
        case .blob: return "blob"
        }
    }

    @Test func reusedPreparedStatementsGiveCorrectResultsAfterManyCalls() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.file("gateway.db"))
        try connection.execute("CREATE TABLE patron(id INTEGER PRIMARY KEY, name TEXT NOT NULL)")

        for number in 1...2_000 {
            try connection.run("INSERT INTO patron(id, name) VALUES (?1, ?2)", [.integer(Int64(number)), .text("p\(number)")])
        }
        for number in stride(from: 1, through: 2_000, by: 7) {
            let rows = try connection.query("SELECT name FROM patron WHERE id = ?1", [.integer(Int64(number))])
            #expect(rows.map { $0.string("name") } == ["p\(number)"])
        }
        #expect(try connection.query("SELECT name FROM patron WHERE id = ?1", [.integer(9_999)]).isEmpty)
        #expect(connection.cachedStatementCount == 2)
    }

    @Test func runReturnsChangedRowCountAndLastInsertRowID() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.file("gateway.db"))
        try connection.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, flag INTEGER); CREATE TABLE u(x)")

        #expect(try connection.run("INSERT INTO t(flag) VALUES (0), (0), (1)") == 3)
        #expect(connection.lastInsertRowID == 3)
        #expect(try connection.run("UPDATE t SET flag = 1 WHERE flag = ?1", [0]) == 2)
        #expect(try connection.run("DELETE FROM t WHERE id > ?1", [10]) == 0)
    }

    @Test func rowsGiveColumnsByNameAndPosition() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.file("gateway.db"))

        let row = try #require(try connection.query("SELECT 7 AS n, 'x' AS s, NULL AS z, 2.5 AS d, 1 AS b, 8 AS n").first)

        #expect(row.columnNames == ["n", "s", "z", "d", "b", "n"])
        #expect(row[0] == .integer(7))
        #expect(row.int("n") == 7)  // a repeated name refers to the first column
        #expect(row.string("s") == "x")
        #expect(row.isNull("z") && row.int("z") == nil)
        #expect(row.double("d") == 2.5)
        #expect(row.bool("b") == true)
        #expect(row["absent"] == nil && !row.isNull("absent"))
        #expect(row.string("n") == nil)  // wrong type gives nil, not a conversion
    }

    @Test func wrongNumberOfBindingsIsABindError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.file("gateway.db"))

        let error = #expect(throws: SQLiteError.self) { try connection.query("SELECT ?1, ?2", [1]) }
        guard case .bind = error else {
            Issue.record("expected .bind, got \(String(describing: error))")
            return
        }
    }

    @Test func queryRefusesMoreThanOneStatement() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.file("gateway.db"))

        let error = #expect(throws: SQLiteError.self) { try connection.query("SELECT 1; SELECT 2") }
        guard case .prepare = error else {
            Issue.record("expected .prepare, got \(String(describing: error))")
            return
        }
        #expect(try connection.query("SELECT 1;  ").count == 1)
    }

    @Test func syntaxErrorIsAPrepareError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try SQLiteConnection(path: directory.file("gateway.db"))

        let error = #expect(throws: SQLiteError.self) { try connection.run("SELEKT 1") }
        guard case .prepare(let failure) = error else {
            Issue.record("expected .prepare, got \(String(describing: error))")
            return
        }
        #expect(failure.code == 1)  // SQLITE_ERROR
        #expect(failure.operation == "prepare SELEKT")
    }
}
