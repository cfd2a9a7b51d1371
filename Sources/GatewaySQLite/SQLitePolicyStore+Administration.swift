public import GatewayCore
public import GatewayPolicy

/// The admin side: imports and client secrets. Every change stores a new version
/// row and moves the current policy to it in one transaction; a change that changes
/// nothing stores nothing.
extension SQLitePolicyStore {
    /// Stores `policy` as the current version of its application, unless it is already
    /// exactly that (then nothing is written: importing a file twice is harmless).
    ///
    /// Client secrets: a `client_secret_*` client whose document has no
    /// `client_secret_hash` keeps the hash already stored; when none is stored yet, a new
    /// secret is generated, its hash stored, and the secret returned in the result (its
    /// only appearance). A document with a hash sets that hash. Generation (Argon2id)
    /// runs inside the write transaction, holding the write lock for its few tens of ms,
    /// so two imports racing for the same client cannot both hand out a secret.
    public func importPolicy(
        _ policy: ApplicationPolicy, actor: String, at instant: Instant
    ) throws(PolicyAdministrationError) -> PolicyImportResult {
        try change(actor: actor) { connection in
            let current = try Self.current(policy.clientID, on: connection)
            var generated: ClientSecret?
            var incoming = policy
            if policy.tokenEndpointAuthMethod.usesClientSecret, policy.clientSecretHash == nil {
                if let hash = current?.policy.clientSecretHash {
                    incoming = try policy.settingClientSecretHash(hash)
                } else {
                    let secret = try generateSecret()
                    incoming = try policy.settingClientSecretHash(secret.hash)
                    generated = secret
                }
            }
            let outcome = try Self.store(incoming, over: current, actor: actor, at: instant, on: connection)
            return PolicyImportResult(outcome: outcome, generatedSecret: generated)
        }
    }

    /// Sets the client secret hash of `clientID` (as a new version), for a client that
    /// authenticates with `client_secret_basic` or `client_secret_post`.
    @discardableResult
    public func setClientSecretHash(
        clientID: String, hash: String, actor: String, at instant: Instant
    ) throws(PolicyAdministrationError) -> PolicyImportOutcome {
        try change(actor: actor) { connection in
            let current = try Self.secretClient(clientID, on: connection)
            let updated = try current.policy.settingClientSecretHash(hash)
            return try Self.store(updated, over: current, actor: actor, at: instant, on: connection)
        }
    }

    /// Generates a new client secret for `clientID` and stores its hash (as a new
    /// version); the old secret stops working. Returns the secret: show it once.
    public func rotateClientSecret(
        clientID: String, actor: String, at instant: Instant
    ) throws(PolicyAdministrationError) -> (secret: ClientSecret, outcome: PolicyImportOutcome) {
        try change(actor: actor) { connection in
            let current = try Self.secretClient(clientID, on: connection)
            let secret = try generateSecret()
            let outcome = try Self.store(try current.policy.settingClientSecretHash(secret.hash), over: current, actor: actor,
                                         at: instant, on: connection)
            return (secret, outcome)
        }
    }

    /// Runs `body` in a write transaction, mapping every failure to the admin error.
    private func change<T>(actor: String, _ body: (SQLiteConnection) throws -> T) throws(PolicyAdministrationError) -> T {
        guard !actor.isEmpty else { throw .invalidActor }
        do {
            return try database.withConnection { try $0.transaction(body) }
        } catch let error as PolicyAdministrationError {
            throw error
        } catch let error as PolicyStoreError {
            throw .store(error)
        } catch let error as InvalidPolicyError {
            throw .invalidPolicy(error)
        } catch {
            throw .store(.unavailable(detail: "\(error)"))
        }
    }

    private func generateSecret() throws(PolicyAdministrationError) -> ClientSecret {
        do {
            return try secrets.generate()
        } catch {
            throw .secretGenerationFailed(detail: "\(error)")
        }
    }

    private static func current(_ clientID: String, on connection: SQLiteConnection) throws -> StoredPolicy? {
        let rows = try connection.query(PolicySQL.current, [.text(clientID)])
        return try rows.first.map { row throws(PolicyStoreError) in try PolicyRows.stored(row) }
    }

    /// The current policy of a client that uses a secret, or why there is none.
    private static func secretClient(_ clientID: String, on connection: SQLiteConnection) throws -> StoredPolicy {
        guard let current = try current(clientID, on: connection) else { throw PolicyAdministrationError.unknownClient(clientID: clientID) }
        guard current.policy.tokenEndpointAuthMethod.usesClientSecret else {
            throw PolicyAdministrationError.noClientSecret(clientID: clientID)
        }
        return current
    }

    /// Writes `policy` as the version after `current`, unless it equals `current`.
    private static func store(
        _ policy: ApplicationPolicy, over current: StoredPolicy?, actor: String, at instant: Instant, on connection: SQLiteConnection
    ) throws -> PolicyImportOutcome {
        guard policy != current?.policy else { return .unchanged }
        let version = (current?.version ?? 0) + 1
        let fields = try current.map { try PolicyDocument.changedFields(from: $0.policy, to: policy) } ?? PolicyDocument.fields(of: policy)
        let document = SQLiteValue.text(try PolicyDocument.text(of: policy))
        let id = SQLiteValue.text(policy.clientID), time = SQLiteValue.real(instant.secondsSinceEpoch)
        let changed = SQLiteValue.text(PolicyRows.fieldList(fields))
        try connection.run(PolicySQL.insertVersion, [id, SQLiteValue(version), .text(actor), time, changed, document])
        try connection.run(PolicySQL.upsertCurrent, [id, SQLiteValue(version), document, time, .text(actor)])
        return current == nil ? .created(version: version) : .updated(version: version, changedFields: fields)
    }
}
