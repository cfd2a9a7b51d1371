public import GatewayPolicy

/// Application policies in the SQLite database (tables of `PolicyMigrations`, which must
/// have been applied): the current version of each, and every earlier one.
///
/// Reads serve `PolicyCatalog`, which keeps them in memory; the admin side
/// (`SQLitePolicyStore+Administration.swift`) imports documents, keeps the history and
/// manages client secrets. Documents are stored in `PolicyDocument` form and parsed again
/// when read. SQLite failures become `PolicyStoreError.unavailable`.
public final class SQLitePolicyStore: PolicyStore {
    let database: SQLiteDatabase
    let secrets: any ClientSecretGenerator

    /// A store over `database`; `secrets` makes the client secrets that imports and
    /// rotations hand out.
    public init(database: SQLiteDatabase, secrets: any ClientSecretGenerator) {
        self.database = database
        self.secrets = secrets
    }

    /// The current policy of `clientID`, or nil when it was never imported.
    public func policy(clientID: String) throws(PolicyStoreError) -> ApplicationPolicy? {
        try storedPolicy(clientID: clientID)?.policy
    }

    /// Every current policy, ordered by client_id.
    public func allPolicies() throws(PolicyStoreError) -> [ApplicationPolicy] {
        try storedPolicies().map(\.policy)
    }

    /// The current policy of `clientID` with its version, or nil.
    public func storedPolicy(clientID: String) throws(PolicyStoreError) -> StoredPolicy? {
        let rows = try read { try $0.query(PolicySQL.current, [.text(clientID)]) }
        return try rows.first.map { row throws(PolicyStoreError) in try PolicyRows.stored(row) }
    }

    /// Every current policy with its version, ordered by client_id.
    public func storedPolicies() throws(PolicyStoreError) -> [StoredPolicy] {
        var result: [StoredPolicy] = []
        for row in try read({ try $0.query(PolicySQL.all) }) { result.append(try PolicyRows.stored(row)) }
        return result
    }

    /// The history of `clientID`, oldest first; empty when it was never imported.
    public func versions(clientID: String) throws(PolicyStoreError) -> [PolicyVersion] {
        var result: [PolicyVersion] = []
        for row in try read({ try $0.query(PolicySQL.versions, [.text(clientID)]) }) { result.append(try PolicyRows.version(row)) }
        return result
    }

    private func read<T>(_ body: (SQLiteConnection) throws -> T) throws(PolicyStoreError) -> T {
        do {
            return try database.withConnection(body)
        } catch {
            throw .unavailable(detail: "\(error)")
        }
    }
}
