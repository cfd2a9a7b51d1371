/// One step of the database schema, applied once and recorded in `schema_migrations`.
public struct SQLiteMigration: Sendable, Equatable {
    /// Position in the schema history; positive and unique. Migrations run in ascending order.
    public let version: Int
    /// A short human-readable name, stored with the version.
    public let name: String
    /// The statements to run, separated by `;`. They run inside the migration's own
    /// transaction, so they must not contain `BEGIN`, `COMMIT` or `ROLLBACK`.
    public let sql: String

    /// Creates a migration.
    public init(version: Int, name: String, sql: String) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}
