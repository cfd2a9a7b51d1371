/// The patron-account part of the SQL schema, versions 2 and up; the gateway appends
/// these to its own list (version 1 is `gateway_metadata`). Never edited once released:
/// a change is a new migration.
///
/// `used_mylibrary_ids` remembers every id ever handed out, and nothing else, so an
/// erased patron's id is never given to someone else. `patrons` refers to it, so no
/// account exists without its tombstone. Times are Unix seconds (REAL), dates
/// `YYYY-MM-DD`. `patrons_last_activity` serves the retention job (accounts unused for
/// two years are erased).
public enum AccountMigrations {
    /// The migrations in version order.
    public static let all: [SQLiteMigration] = [
        SQLiteMigration(version: 2, name: "patrons", sql: """
            CREATE TABLE used_mylibrary_ids (
                mylibrary_id TEXT PRIMARY KEY NOT NULL
            ) STRICT, WITHOUT ROWID;
            CREATE TABLE patrons (
                mylibrary_id TEXT PRIMARY KEY NOT NULL REFERENCES used_mylibrary_ids (mylibrary_id),
                username TEXT NOT NULL,
                username_normalized TEXT NOT NULL UNIQUE,
                email TEXT NOT NULL,
                email_normalized TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                library_id TEXT NOT NULL,
                membership_reference TEXT NOT NULL,
                municipality TEXT,
                birth_date TEXT CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
                gender TEXT CHECK (gender IN ('female', 'male', 'other')),
                direct_marketing_opt_in INTEGER NOT NULL DEFAULT 0 CHECK (direct_marketing_opt_in IN (0, 1)),
                language TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
                created_at REAL NOT NULL,
                last_login_at REAL,
                status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'restricted')),
                UNIQUE (library_id, membership_reference)
            ) STRICT;
            CREATE INDEX patrons_last_activity ON patrons (coalesce(last_login_at, created_at));
            """),
    ]
}
