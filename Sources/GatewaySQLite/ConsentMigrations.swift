/// The consent part of the SQL schema (version 4, after the patrons of version 2); the
/// gateway appends these to its own list. Never edited once released.
///
/// One row per patron and application: the fingerprint of the disclosures the patron
/// agreed to and when (Unix seconds). Rows go with the patron: erasing the account
/// (Art. 17) deletes them through the foreign key, so no consent outlives its patron.
public enum ConsentMigrations {
    /// The migrations in version order.
    public static let all: [SQLiteMigration] = [
        SQLiteMigration(version: 4, name: "consents", sql: """
            CREATE TABLE consents (
                mylibrary_id TEXT NOT NULL REFERENCES patrons (mylibrary_id) ON DELETE CASCADE,
                client_id TEXT NOT NULL CHECK (client_id <> ''),
                disclosure_fingerprint TEXT NOT NULL CHECK (disclosure_fingerprint <> ''),
                granted_at REAL NOT NULL,
                PRIMARY KEY (mylibrary_id, client_id)
            ) STRICT, WITHOUT ROWID;
            """),
    ]
}
