public import GatewayAccounts
public import GatewayCore

/// `PatronStore` in the SQLite database (tables of `AccountMigrations`, which must have
/// been applied).
///
/// Uniqueness is enforced by the schema's `UNIQUE` constraints, so two registrations
/// racing for the same username cannot both win; when one fires, the store looks up
/// which rule was broken, in the order the protocol documents. Operational failures are
/// thrown as `SQLiteError` (`isBusy`: answer 503); a row that cannot be read back as an
/// account as `PatronRowError`.
public final class SQLitePatronStore: PatronStore {
    private let database: SQLiteDatabase

    /// A store over `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    /// Inserts the id's tombstone and the account in one transaction.
    public func create(_ account: PatronAccount) throws {
        try database.withConnection { connection in
            try connection.transaction { connection in
                let id = SQLiteValue.text(account.mylibraryID.rawValue)
                do {
                    try connection.run(PatronSQL.insertTombstone, [id])
                } catch let error as SQLiteError where error.isUniqueConstraintViolation {
                    throw PatronStoreError.mylibraryIDTaken
                }
                do {
                    try connection.run(PatronSQL.insert, account.sqliteValues)
                } catch let error as SQLiteError where error.isUniqueConstraintViolation {
                    throw try Self.conflict(of: account, on: connection) ?? error
                }
            }
        }
    }

    /// The account with this Mylibrary-id.
    public func find(mylibraryID: MylibraryID) throws -> PatronAccount? {
        try findOne(PatronSQL.byID, [.text(mylibraryID.rawValue)])
    }

    /// The account with this normalised username.
    public func find(normalizedUsername: String) throws -> PatronAccount? {
        try findOne(PatronSQL.byUsername, [.text(normalizedUsername)])
    }

    /// The account with this normalised e-mail address.
    public func find(normalizedEmail: String) throws -> PatronAccount? {
        try findOne(PatronSQL.byEmail, [.text(normalizedEmail)])
    }

    /// The account linked to this membership.
    public func find(libraryID: String, membershipReference: String) throws -> PatronAccount? {
        try findOne(PatronSQL.byMembership, [.text(libraryID), .text(membershipReference)])
    }

    /// Records a successful login.
    public func updateLastLogin(mylibraryID: MylibraryID, at instant: Instant) throws {
        try update(PatronSQL.updateLastLogin, mylibraryID, .real(instant.secondsSinceEpoch))
    }

    /// Replaces the password hash.
    public func updatePasswordHash(mylibraryID: MylibraryID, to passwordHash: String) throws {
        try update(PatronSQL.updatePasswordHash, mylibraryID, .text(passwordHash))
    }

    /// Restricts processing or lifts the restriction.
    public func setStatus(mylibraryID: MylibraryID, to status: PatronStatus) throws {
        try update(PatronSQL.updateStatus, mylibraryID, .text(status.rawValue))
    }

    /// Deletes the account row, overwriting its bytes on disk; the tombstone stays.
    @discardableResult
    public func delete(mylibraryID: MylibraryID) throws -> Bool {
        try database.withConnection { connection in
            try connection.execute(PatronSQL.secureDelete)
            return try connection.run(PatronSQL.delete, [.text(mylibraryID.rawValue)]) > 0
        }
    }

    /// True when the id belongs, or ever belonged, to an account.
    public func isMylibraryIDEverUsed(_ mylibraryID: MylibraryID) throws -> Bool {
        try database.withConnection { connection in
            try !connection.query(PatronSQL.tombstoneExists, [.text(mylibraryID.rawValue)]).isEmpty
        }
    }

    private func findOne(_ sql: String, _ bindings: [SQLiteValue]) throws -> PatronAccount? {
        let rows = try database.withConnection { try $0.query(sql, bindings) }
        return try rows.first.map { row throws(PatronRowError) in try PatronAccount(sqliteRow: row) }
    }

    private func update(_ sql: String, _ id: MylibraryID, _ value: SQLiteValue) throws {
        let changed = try database.withConnection { try $0.run(sql, [.text(id.rawValue), value]) }
        guard changed > 0 else { throw PatronStoreError.notFound }
    }

    /// Which uniqueness rule `account` breaks, checked in the protocol's order inside the
    /// failed transaction (whose write lock keeps the answer true); nil if none does.
    private static func conflict(of account: PatronAccount, on connection: SQLiteConnection) throws -> PatronStoreError? {
        let checks: [(String, [SQLiteValue], PatronStoreError)] = [
            (PatronSQL.usernameExists, [.text(account.username.normalized)], .usernameTaken),
            (PatronSQL.emailExists, [.text(account.email.normalized)], .emailTaken),
            (PatronSQL.membershipExists, [.text(account.libraryID), .text(account.membershipReference)],
             .membershipAlreadyLinked),
        ]
        for (sql, bindings, error) in checks where try !connection.query(sql, bindings).isEmpty {
            return error
        }
        return nil
    }
}
