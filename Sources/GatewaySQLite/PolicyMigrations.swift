/// The application-policy part of the SQL schema (version 3); the gateway appends these
/// to its own list. Never edited once released: a change is a new migration.
///
/// `application_policy_versions` keeps every version ever stored (who, when, which
/// top-level fields changed, the whole document); `application_policies` points at the
/// version in force, so no policy is current without its history entry. Documents are
/// `PolicyDocument` JSON: the checks keep out text that is not JSON and a document filed
/// under another client_id. Times are Unix seconds (REAL).
public enum PolicyMigrations {
    /// The migrations in version order.
    public static let all: [SQLiteMigration] = [
        SQLiteMigration(version: 3, name: "application_policies", sql: """
            CREATE TABLE application_policy_versions (
                client_id TEXT NOT NULL,
                version INTEGER NOT NULL CHECK (version >= 1),
                actor TEXT NOT NULL CHECK (actor <> ''),
                changed_at REAL NOT NULL,
                changed_fields TEXT NOT NULL CHECK (json_valid(changed_fields) AND json_type(changed_fields) = 'array'),
                document TEXT NOT NULL
                    CHECK (json_valid(document) AND json_type(document) = 'object'
                           AND json_extract(document, '$.client_id') IS client_id),
                PRIMARY KEY (client_id, version)
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE application_policies (
                client_id TEXT PRIMARY KEY NOT NULL,
                version INTEGER NOT NULL,
                document TEXT NOT NULL
                    CHECK (json_valid(document) AND json_type(document) = 'object'
                           AND json_extract(document, '$.client_id') IS client_id),
                updated_at REAL NOT NULL,
                updated_by TEXT NOT NULL CHECK (updated_by <> ''),
                FOREIGN KEY (client_id, version) REFERENCES application_policy_versions (client_id, version)
            ) STRICT, WITHOUT ROWID;
            """),
    ]
}
