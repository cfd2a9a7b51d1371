import GatewayAccounts
import GatewaySQLite
import GatewayTesting
import Testing

/// What only the SQLite store has: its schema and its reaction to rows it cannot read.
@Suite struct PatronSQLiteStoreTests {
    private static func withDatabase(_ body: (SQLiteDatabase) throws -> Void) throws {
        let directory = TemporaryDirectory(prefix: "patron-sqlite")
        defer { directory.remove() }
        try body(try SQLiteDatabase(path: directory.file("gateway.sqlite3")))
    }

    @Test func migrationsStartAtVersionTwoAndApplyAfterTheGatewaysFirst() throws {
        try Self.withDatabase { database in
            let first = SQLiteMigration(version: 1, name: "gateway_metadata", sql: "CREATE TABLE gateway_metadata (key TEXT) STRICT")
            let accountVersions = AccountMigrations.all.map(\.version)
            #expect(accountVersions.allSatisfy { $0 >= 2 })
            let applied = try database.migrate([first] + AccountMigrations.all)
            #expect(applied == [1] + accountVersions)
            let again = try database.migrate([first] + AccountMigrations.all)
            #expect(again.isEmpty)
        }
    }

    @Test func tablesAreStrict() throws {
        try Self.withDatabase { database in
            _ = try database.migrate(AccountMigrations.all)
            let rows = try database.withConnection {
                try $0.query("SELECT name, strict FROM pragma_table_list WHERE name IN ('patrons', 'used_mylibrary_ids')")
            }
            #expect(rows.count == 2)
            #expect(rows.allSatisfy { $0.int("strict") == 1 })
        }
    }

    @Test func schemaRefusesValuesOutsideTheDomain() throws {
        try Self.withDatabase { database in
            _ = try database.migrate(AccountMigrations.all)
            let store = SQLitePatronStore(database: database)
            let account = try PatronFixtures.account()
            try store.create(account)
            try database.withConnection { connection in
                for (column, value) in [("status", "deleted"), ("language", "de"), ("gender", "unknown"),
                                        ("birth_date", "15-01-1990")] {
                    let error = #expect(throws: SQLiteError.self) {
                        try connection.run("UPDATE patrons SET \(column) = ?1", [.text(value)])
                    }
                    #expect(error.map { if case .constraint = $0 { true } else { false } } == true, "\(column)")
                }
            }
        }
    }

    @Test func accountWithoutTombstoneCannotExist() throws {
        try Self.withDatabase { database in
            _ = try database.migrate(AccountMigrations.all)
            let store = SQLitePatronStore(database: database)
            let account = try PatronFixtures.account()
            try store.create(account)
            #expect(throws: SQLiteError.self) {
                try database.withConnection { try $0.run("DELETE FROM used_mylibrary_ids") }
            }
        }
    }

    @Test func unreadableRowNamesTheColumnNotTheValue() throws {
        try Self.withDatabase { database in
            _ = try database.migrate(AccountMigrations.all)
            let store = SQLitePatronStore(database: database)
            let account = try PatronFixtures.account()
            try store.create(account)
            // A hand edit the CHECK constraints cannot see: an id that is not base32.
            try database.withConnection { connection in
                try connection.execute("PRAGMA foreign_keys = OFF")
                try connection.run("UPDATE patrons SET mylibrary_id = 'NOT-AN-ID'")
                try connection.execute("PRAGMA foreign_keys = ON")
            }
            let error = #expect(throws: PatronRowError.self) { try store.find(normalizedUsername: "jan") }
            #expect(error?.column == "mylibrary_id")
            #expect(error.map { !"\($0)".contains("NOT-AN-ID") } == true)
        }
    }
}
