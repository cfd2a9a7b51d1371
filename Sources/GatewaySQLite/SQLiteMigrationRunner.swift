/// Brings a database up to date with a list of migrations.
///
/// Each pending migration runs in its own `BEGIN IMMEDIATE` transaction together with
/// its `schema_migrations` row, so a failing migration leaves nothing of itself behind
/// while the ones before it stay applied. Inside the transaction the runner checks again
/// whether the version is recorded: another process may have applied it in the meantime,
/// and the write lock guarantees the answer holds until the commit.
struct SQLiteMigrationRunner {
    private static let createTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations(
            version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)
        """
    private static let insertApplied = """
        INSERT INTO schema_migrations(version, name, applied_at)
        VALUES (?1, ?2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        """

    private let migrations: [SQLiteMigration]

    /// Validates the list: every version positive and unique.
    init(_ migrations: [SQLiteMigration]) throws {
        var seen = Set<Int>()
        for migration in migrations {
            guard migration.version > 0 else { throw SQLiteError.invalidMigrationVersion(migration.version) }
            guard seen.insert(migration.version).inserted else {
                throw SQLiteError.duplicateMigrationVersion(migration.version)
            }
        }
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// Applies every migration not yet recorded, in ascending order; returns the versions
    /// this call applied.
    func run(on connection: SQLiteConnection) throws -> [Int] {
        try connection.execute(Self.createTable)
        let recorded = try Self.recordedVersions(on: connection)
        let latestKnown = migrations.last?.version ?? 0
        if let highest = recorded.max(), highest > latestKnown {
            throw SQLiteError.databaseNewerThanMigrations(databaseVersion: highest, latestKnownVersion: latestKnown)
        }
        var applied: [Int] = []
        for migration in migrations where !recorded.contains(migration.version) {
            if try apply(migration, on: connection) { applied.append(migration.version) }
        }
        return applied
    }

    /// Returns false when another connection recorded the version first.
    private func apply(_ migration: SQLiteMigration, on connection: SQLiteConnection) throws -> Bool {
        do {
            return try connection.transaction { connection in
                let version = SQLiteValue(migration.version)
                let recorded = try connection.query("SELECT 1 FROM schema_migrations WHERE version = ?1", [version])
                guard recorded.isEmpty else { return false }
                try connection.execute(migration.sql)
                try connection.run(Self.insertApplied, [version, .text(migration.name)])
                return true
            }
        } catch let error as SQLiteError where !error.isBusy {
            // Busy stays busy (worth a retry); anything else is this migration's fault.
            guard let failure = error.failure else { throw error }
            throw SQLiteError.migrationFailed(version: migration.version, name: migration.name, failure: failure)
        }
    }

    private static func recordedVersions(on connection: SQLiteConnection) throws -> Set<Int> {
        let rows = try connection.query("SELECT version FROM schema_migrations")
        return Set(rows.compactMap { $0.int("version") })
    }

    /// The highest recorded version, or 0 for a database never migrated.
    static func currentVersion(on connection: SQLiteConnection) throws -> Int {
        let table = try connection.query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        guard !table.isEmpty else { return 0 }
        let rows = try connection.query("SELECT COALESCE(MAX(version), 0) AS version FROM schema_migrations")
        return rows.first?.int("version") ?? 0
    }
}
