public import GatewayAccounts
import GatewayCore

/// `ConsentStore` in the SQLite database (table of `ConsentMigrations`, which must have
/// been applied after `AccountMigrations`).
///
/// A consent row belongs to an existing patron (foreign key): erasing the account
/// deletes its consents, and recording one for an unknown patron fails. SQLite failures
/// become `ConsentStoreError.unavailable`.
public final class SQLiteConsentStore: ConsentStore {
    private enum SQL {
        static let one = """
            SELECT client_id, disclosure_fingerprint, granted_at FROM consents WHERE mylibrary_id = ?1 AND client_id = ?2
            """
        static let byPatron = """
            SELECT client_id, disclosure_fingerprint, granted_at FROM consents WHERE mylibrary_id = ?1 ORDER BY client_id
            """
        static let upsert = """
            INSERT INTO consents (mylibrary_id, client_id, disclosure_fingerprint, granted_at) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (mylibrary_id, client_id) DO UPDATE SET
                disclosure_fingerprint = excluded.disclosure_fingerprint, granted_at = excluded.granted_at
            """
        static let delete = "DELETE FROM consents WHERE mylibrary_id = ?1 AND client_id = ?2"
    }

    private let database: SQLiteDatabase

    /// A store over `database`.
    public init(database: SQLiteDatabase) {
        self.database = database
    }

    /// The patron's consent for `clientID`, if any.
    public func consent(mylibraryID: MylibraryID, clientID: String) throws(ConsentStoreError) -> ConsentRecord? {
        try records(SQL.one, [.text(mylibraryID.rawValue), .text(clientID)]).first
    }

    /// Records (or replaces) the patron's consent for `record.clientID`.
    public func record(_ record: ConsentRecord, for mylibraryID: MylibraryID) throws(ConsentStoreError) {
        let values: [SQLiteValue] = [
            .text(mylibraryID.rawValue), .text(record.clientID), .text(record.disclosureFingerprint),
            .real(record.grantedAt.secondsSinceEpoch),
        ]
        _ = try access { try $0.run(SQL.upsert, values) }
    }

    /// Every consent of the patron, ordered by client_id.
    public func consents(for mylibraryID: MylibraryID) throws(ConsentStoreError) -> [ConsentRecord] {
        try records(SQL.byPatron, [.text(mylibraryID.rawValue)])
    }

    /// Withdraws the patron's consent for `clientID`; true when there was one.
    @discardableResult
    public func withdraw(mylibraryID: MylibraryID, clientID: String) throws(ConsentStoreError) -> Bool {
        try access { try $0.run(SQL.delete, [.text(mylibraryID.rawValue), .text(clientID)]) } > 0
    }

    private func records(_ sql: String, _ bindings: [SQLiteValue]) throws(ConsentStoreError) -> [ConsentRecord] {
        var result: [ConsentRecord] = []
        for row in try access({ try $0.query(sql, bindings) }) {
            guard let clientID = row.string("client_id"), let fingerprint = row.string("disclosure_fingerprint"),
                  let grantedAt = row.double("granted_at") else {
                throw .unavailable(detail: "consent store: unreadable consent row")
            }
            result.append(ConsentRecord(clientID: clientID, disclosureFingerprint: fingerprint,
                                        grantedAt: Instant(secondsSinceEpoch: grantedAt)))
        }
        return result
    }

    private func access<T>(_ body: (SQLiteConnection) throws -> T) throws(ConsentStoreError) -> T {
        do {
            return try database.withConnection(body)
        } catch {
            throw .unavailable(detail: "\(error)")
        }
    }
}
