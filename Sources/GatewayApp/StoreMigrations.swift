import GatewaySQLite

/// The SQL store's schema, one migration per change, never edited once released.
enum StoreMigrations {
    static let all: [SQLiteMigration] = [
        SQLiteMigration(version: 1, name: "gateway_metadata", sql: """
            CREATE TABLE gateway_metadata (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            ) STRICT;
            INSERT INTO gateway_metadata (key, value) VALUES ('schema_created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
            """),
    ] + AccountMigrations.all + PolicyMigrations.all + ConsentMigrations.all
}
