/// Every way the SQLite wrapper fails, as one typed error.
///
/// SQLite result codes are mapped in exactly one place (`SQLiteError+ResultCode.swift`).
/// Callers answering HTTP requests look at `isBusy` (answer 503, retry later) and
/// `isUniqueConstraintViolation` (the row already exists); everything else is a bug or an
/// operational problem.
public enum SQLiteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database file could not be opened or configured (missing directory, no
    /// permission, not a database, WAL refused).
    case open(SQLiteFailure)
    /// A statement could not be compiled.
    case prepare(SQLiteFailure)
    /// A value could not be bound, or the number of values did not match the parameters.
    case bind(SQLiteFailure)
    /// A statement failed while running.
    case step(SQLiteFailure)
    /// Another connection held the lock longer than the busy timeout (`SQLITE_BUSY`,
    /// `SQLITE_LOCKED`); retrying later may succeed.
    case busy(SQLiteFailure)
    /// A `UNIQUE` or `PRIMARY KEY` constraint refused the write.
    case uniqueConstraint(SQLiteFailure)
    /// Another constraint (`NOT NULL`, `CHECK`, `FOREIGN KEY`) refused the write.
    case constraint(SQLiteFailure)
    /// Every pooled connection stayed checked out for the whole wait.
    case poolExhausted(waitedMilliseconds: Int)
    /// A migration has a version below 1.
    case invalidMigrationVersion(Int)
    /// Two migrations share a version.
    case duplicateMigrationVersion(Int)
    /// The database was migrated by a newer gateway: it has a version this one does not know.
    case databaseNewerThanMigrations(databaseVersion: Int, latestKnownVersion: Int)
    /// A migration's SQL failed; it was rolled back and nothing of it was kept.
    case migrationFailed(version: Int, name: String, failure: SQLiteFailure)

    /// True when the failure is temporary contention: the caller should answer 503.
    public var isBusy: Bool {
        switch self {
        case .busy, .poolExhausted: return true
        default: return false
        }
    }

    /// True when a `UNIQUE` or `PRIMARY KEY` constraint refused the write.
    public var isUniqueConstraintViolation: Bool {
        if case .uniqueConstraint = self { return true }
        return false
    }

    /// SQLite's report behind the error, when SQLite reported one.
    public var failure: SQLiteFailure? {
        switch self {
        case .open(let failure), .prepare(let failure), .bind(let failure), .step(let failure),
             .busy(let failure), .uniqueConstraint(let failure), .constraint(let failure),
             .migrationFailed(_, _, let failure):
            return failure
        case .poolExhausted, .invalidMigrationVersion, .duplicateMigrationVersion,
             .databaseNewerThanMigrations:
            return nil
        }
    }

    /// A one-line explanation naming the operation, never the SQL text or bound values.
    public var description: String {
        switch self {
        case .open(let failure): return "SQLite: cannot open database: \(failure)"
        case .prepare(let failure): return "SQLite: cannot prepare statement: \(failure)"
        case .bind(let failure): return "SQLite: cannot bind value: \(failure)"
        case .step(let failure): return "SQLite: statement failed: \(failure)"
        case .busy(let failure): return "SQLite: database busy: \(failure)"
        case .uniqueConstraint(let failure): return "SQLite: unique constraint violated: \(failure)"
        case .constraint(let failure): return "SQLite: constraint violated: \(failure)"
        case .poolExhausted(let waited):
            return "SQLite: no pooled connection became free within \(waited) ms"
        case .invalidMigrationVersion(let version):
            return "SQLite: migration version \(version) is not positive"
        case .duplicateMigrationVersion(let version):
            return "SQLite: migration version \(version) appears more than once"
        case .databaseNewerThanMigrations(let found, let known):
            return "SQLite: database is at schema version \(found) but this gateway knows only up to \(known)"
        case .migrationFailed(let version, let name, let failure):
            return "SQLite: migration \(version) (\(name)) failed and was rolled back: \(failure)"
        }
    }
}
