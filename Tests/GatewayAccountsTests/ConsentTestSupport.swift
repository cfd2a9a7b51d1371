import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewaySQLite
import GatewayTesting
import Testing

/// The consent stores the contract suite runs against.
enum ConsentStoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory, sqlite

    var testDescription: String { rawValue }
}

/// A fresh consent store of one kind, and patrons to give consent. In SQLite a consent
/// belongs to an existing account, so there `patron()` registers one first.
final class ConsentHarness {
    let store: any ConsentStore
    let database: SQLiteDatabase?
    private let directory: TemporaryDirectory?
    private var patrons = 0

    init(_ kind: ConsentStoreKind) throws {
        switch kind {
        case .inMemory:
            store = InMemoryConsentStore()
            database = nil
            directory = nil
        case .sqlite:
            let directory = TemporaryDirectory(prefix: "consent-store")
            let database = try SQLiteDatabase(path: directory.file("gateway.sqlite3"))
            _ = try database.migrate(AccountMigrations.all + ConsentMigrations.all)
            store = SQLiteConsentStore(database: database)
            self.database = database
            self.directory = directory
        }
    }

    deinit { directory?.remove() }

    /// A patron who may give consent (with an account, where the store needs one).
    func patron() throws -> MylibraryID {
        patrons += 1
        let account = try PatronFixtures.account(username: "patron\(patrons)", email: "patron\(patrons)@example.org",
                                                 reference: "N3000\(patrons)")
        if let database { try SQLitePatronStore(database: database).create(account) }
        return account.mylibraryID
    }

    /// A consent to `clientID` with `fingerprint`, given `seconds` after the fixtures' epoch.
    static func consent(_ clientID: String, _ fingerprint: String = "fp-1", at seconds: Double = 0) -> ConsentRecord {
        ConsentRecord(clientID: clientID, disclosureFingerprint: fingerprint,
                      grantedAt: Instant(secondsSinceEpoch: 1_800_000_000.25 + seconds))
    }
}
