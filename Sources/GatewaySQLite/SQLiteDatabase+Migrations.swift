extension SQLiteDatabase {
    /// Applies, in ascending version order, every migration the database has not recorded
    /// yet, each in its own transaction; returns the versions applied by this call (empty
    /// when the schema was already up to date).
    ///
    /// Safe to run from several processes at once: each version is applied exactly once.
    /// - Throws: `SQLiteError.invalidMigrationVersion` or `.duplicateMigrationVersion` for
    ///   a bad list (before touching the database); `.databaseNewerThanMigrations` when
    ///   the database has a version above every known one; `.migrationFailed` when a
    ///   migration's SQL fails (it is rolled back, earlier ones stay applied); `.busy`
    ///   when another writer held the lock past the busy timeout.
    public func migrate(_ migrations: [SQLiteMigration]) throws -> [Int] {
        let runner = try SQLiteMigrationRunner(migrations)
        return try withConnection { try runner.run(on: $0) }
    }

    /// The highest migration version recorded in the database, 0 when none is.
    public func schemaVersion() throws -> Int {
        try withConnection { try SQLiteMigrationRunner.currentVersion(on: $0) }
    }
}
