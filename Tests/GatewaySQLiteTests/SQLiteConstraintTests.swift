import GatewayTesting
import Testing
import GatewaySQLite

@Suite struct SQLiteConstraintTests {
    private static func openAccounts(in directory: TemporaryDirectory) throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: directory.file("gateway.db"))
        try connection.execute("""
            CREATE TABLE account(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE);
            CREATE TABLE consent(account_id INTEGER NOT NULL REFERENCES account(id), scope TEXT NOT NULL);
            """)
        return connection
    }

    @Test func duplicateUniqueValueYieldsUniqueConstraintError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Self.openAccounts(in: directory)
        try connection.run("INSERT INTO account(email) VALUES (?1)", ["secret-reader@example.org"])

        let error = #expect(throws: SQLiteError.self) {
            try connection.run("INSERT INTO account(email) VALUES (?1)", ["secret-reader@example.org"])
        }

        #expect(error?.isUniqueConstraintViolation == true)
        #expect(error?.isBusy == false)
        #expect(error?.failure?.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
        #expect(error?.failure?.operation == "step INSERT")
    }

    @Test func duplicatePrimaryKeyYieldsUniqueConstraintError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Self.openAccounts(in: directory)
        try connection.run("INSERT INTO account(id, email) VALUES (1, 'a@example.org')")

        let error = #expect(throws: SQLiteError.self) {
            try connection.run("INSERT INTO account(id, email) VALUES (1, 'b@example.org')")
        }
        #expect(error?.isUniqueConstraintViolation == true)
    }

    @Test func errorDescriptionNeverContainsBoundValues() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Self.openAccounts(in: directory)
        try connection.run("INSERT INTO account(email) VALUES (?1)", ["hunter2@example.org"])

        let error = #expect(throws: SQLiteError.self) {
            try connection.run("INSERT INTO account(email) VALUES (?1)", ["hunter2@example.org"])
        }
        let description = try #require(error?.description)
        #expect(!description.contains("hunter2"))
        #expect(!description.contains("VALUES"))
        #expect(description.contains("step INSERT"))
    }

    @Test func otherConstraintsYieldPlainConstraintError() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let connection = try Self.openAccounts(in: directory)

        let notNull = #expect(throws: SQLiteError.self) {
            try connection.run("INSERT INTO account(email) VALUES (?1)", [nil])
        }
        let foreignKey = #expect(throws: SQLiteError.self) {
            try connection.run("INSERT INTO consent(account_id, scope) VALUES (?1, ?2)", [42, "openid"])
        }

        for error in [notNull, foreignKey] {
            guard case .constraint = error else {
                Issue.record("expected .constraint, got \(String(describing: error))")
                continue
            }
        }
    }
}
