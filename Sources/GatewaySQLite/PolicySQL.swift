/// The statements of `SQLitePolicyStore`, fixed texts so the connection caches them
/// compiled.
enum PolicySQL {
    static let currentColumns = "client_id, version, document, updated_at, updated_by"
    static let current = "SELECT \(currentColumns) FROM application_policies WHERE client_id = ?1"
    static let all = "SELECT \(currentColumns) FROM application_policies ORDER BY client_id"
    static let insertVersion = """
        INSERT INTO application_policy_versions (client_id, version, actor, changed_at, changed_fields, document)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        """
    static let upsertCurrent = """
        INSERT INTO application_policies (client_id, version, document, updated_at, updated_by)
        VALUES (?1, ?2, ?3, ?4, ?5)
        ON CONFLICT (client_id) DO UPDATE SET
            version = excluded.version, document = excluded.document,
            updated_at = excluded.updated_at, updated_by = excluded.updated_by
        """
    static let versions = """
        SELECT client_id, version, actor, changed_at, changed_fields, document
        FROM application_policy_versions WHERE client_id = ?1 ORDER BY version
        """
}
