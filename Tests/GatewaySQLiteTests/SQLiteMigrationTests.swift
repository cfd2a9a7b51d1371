import Dispatch
import GatewayTesting
import Synchronization
import Testing
import GatewaySQLite

@Suite struct SQLiteMigrationTests {
    private static let patrons = SQLiteMigration(
        version: 1, name: "patrons", sql: "CREATE TABLE patron(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE)")
    private static let consents = SQLiteMigration(
        version: 2, name: "consents",
        sql: """
            CREATE TABLE consent(patron_id INTEGER NOT NULL REFERENCES patron(id), scope TEXT NOT NULL);
            CREATE INDEX consent_patron ON consent(patron_id);
            """)
    private static let audit = SQLiteMigration(
        version: 3, name: "audit", sql: "ALTER TABLE consent ADD COLUMN granted_at TEXT")
    private static let all = [patrons, consents, audit]

    private static func tableExists(_ name: String, in database: SQLiteDatabase) throws -> Bool {
        try database.withConnection { connection in
            try !connection.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", [.text(name)]).isEmpty
        }
    }

    private static func recordedVersions(in database: SQLiteDatabase) throws -> [Int] {
        try database.withConnection { connection in
            try connection.query("SELECT version FROM schema_migrations ORDER BY version").compactMap { $0.int("version") }
        }
    }

    @Test func migrationsApplyInAscendingVersionOrder() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.file("gateway.db"))
        #expect(try database.schemaVersion() == 0)

        // Given out of order: 2 and 3 need the tables of the ones before them.
        let applied = try database.migrate([Self.audit, Self.patrons, Self.consents])

        #expect(applied == [1, 2, 3])
        #expect(try database.schemaVersion() == 3)
        let rows = try database.withConnection { try $0.query("SELECT name, applied_at FROM schema_migrations ORDER BY version") }
        #expect(rows.map { $0.string("name") } == ["patrons", "consents", "audit"])
        #expect(rows.allSatisfy { ($0.string("applied_at") ?? "").hasSuffix("Z") })
    }

    @Test func migratingTwiceAppliesNothingTheSecondTime() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.file("gateway.db"))

        #expect(try database.migrate(Self.all) == [1, 2, 3])
        #expect(try database.migrate(Self.all) == [])
        #expect(try Self.recordedVersions(in: database) == [1, 2, 3])
    }

    @Test func laterMigrationsApplyOnTopOfEarlierOnes() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.file("gateway.db"))

        #expect(try database.migrate([Self.patrons]) == [1])
        #expect(try database.migrate(Self.all) == [2, 3])
    }

    @Test func failingMigrationLeavesEarlierOnesApplied() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.file("gateway.db"))
        let broken = SQLiteMigration(
            version: 2, name: "consents",
            sql: "CREATE TABLE consent(scope TEXT); INSERT INTO patron(id) VALUES (1)")  // NOT NULL email fails

        let error = #expect(throws: SQLiteError.self) { try database.migrate([Self.patrons, broken, Self.audit]) }

        guard case .migrationFailed(let version, let name, let failure) = error else {
            Issue.record("expected .migrationFailed, got \(String(describing: error))")
            return
        }
        #expect(version == 2 && name == "consents" && failure.code == 19)
        #expect(try database.schemaVersion() == 1)
        #expect(try Self.tableExists("patron", in: database))
        #expect(try !Self.tableExists("consent", in: database))
        #expect(try Self.recordedVersions(in: database) == [1])
        #expect(try database.migrate(Self.all) == [2, 3])
    }

    @Test func duplicateVersionIsRefusedBeforeTouchingTheDatabase() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.file("gateway.db"))
        let twin = SQLiteMigration(version: 1, name: "twin", sql: "CREATE TABLE twin(x)")

        #expect(throws: SQLiteError.duplicateMigrationVersion(1)) { try database.migrate([Self.patrons, twin]) }
        #expect(try !Self.tableExists("schema_migrations", in: database))
        #expect(try !Self.tableExists("patron", in: database))
    }

    @Test func nonPositiveVersionIsRefused() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let database = try SQLiteDatabase(path: directory.file("gateway.db"))
        let zero = SQLiteMigration(version: 0, name: "zero", sql: "CREATE TABLE zero(x)")
        let negative = SQLiteMigration(version: -4, name: "negative", sql: "CREATE TABLE negative(x)")

        #expect(throws: SQLiteError.invalidMigrationVersion(0)) { try database.migrate([Self.patrons, zero]) }
        #expect(throws: SQLiteError.invalidMigrationVersion(-4)) { try database.migrate([negative]) }
        #expect(try database.schemaVersion() == 0)
    }

    @Test func databaseMigratedByNewerGatewayIsRefused() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let newer = try SQLiteDatabase(path: directory.file("gateway.db"))
        _ = try newer.migrate(Self.all)
        let older = try SQLiteDatabase(path: directory.file("gateway.db"))

        #expect(throws: SQLiteError.databaseNewerThanMigrations(databaseVersion: 3, latestKnownVersion: 2)) {
            try older.migrate([Self.patrons, Self.consents])
        }
        #expect(try Self.recordedVersions(in: older) == [1, 2, 3])
    }

    @Test func concurrentMigrationFromTwoDatabasesAppliesEachVersionOnce() throws {
        let migrations = (1...20).map { version in
            SQLiteMigration(version: version, name: "table \(version)", sql: "CREATE TABLE t\(version)(x INTEGER)")
        }
        for _ in 0..<5 {
            let directory = TemporaryDirectory()
            defer { directory.remove() }
            let databases = try (0..<2).map { _ in try SQLiteDatabase(path: directory.file("gateway.db")) }
            let applied = Mutex<[Int]>([])
            let failures = Mutex<[String]>([])

            DispatchQueue.concurrentPerform(iterations: databases.count) { index in
                do {
                    let versions = try databases[index].migrate(migrations)
                    applied.withLock { $0 += versions }
                } catch {
                    failures.withLock { $0.append(String(describing: error)) }
                }
            }

            #expect(failures.withLock { $0 } == [])
            #expect(applied.withLock { $0 }.sorted() == Array(1...20))
            #expect(try Self.recordedVersions(in: databases[0]) == Array(1...20))
        }
    }
}
