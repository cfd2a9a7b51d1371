import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewaySQLite
import GatewayTesting
import Testing

/// The patron stores the contract suite runs against.
enum PatronStoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory, sqlite

    var testDescription: String { rawValue }

    /// Runs `body` with a fresh, empty store of this kind (a migrated SQLite file in a
    /// temporary directory, removed afterwards).
    func withStore(_ body: (any PatronStore) throws -> Void) throws {
        switch self {
        case .inMemory:
            try body(InMemoryPatronStore())
        case .sqlite:
            let directory = TemporaryDirectory(prefix: "patron-store")
            defer { directory.remove() }
            let database = try SQLiteDatabase(path: directory.file("gateway.sqlite3"))
            _ = try database.migrate(AccountMigrations.all)
            try body(SQLitePatronStore(database: database))
        }
    }
}

/// Fictional patrons for store tests.
enum PatronFixtures {
    static let created = Instant(secondsSinceEpoch: 1_780_000_000.25)

    /// A valid account; every unique field derives from the arguments.
    static func account(
        username: String = "Jan", email: String = "jan@example.org", library: String = "bibliotheek-noord",
        reference: String = "N100001", id: MylibraryID = MylibraryID.generate(using: SecureRandom())
    ) throws -> PatronAccount {
        PatronAccount(
            mylibraryID: id, username: try UsernameRules.validate(username), email: try EmailRules.validate(email),
            passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            libraryID: library, membershipReference: reference, createdAt: created)
    }

    /// An account with every optional field filled in and non-default preferences.
    static func fullAccount() throws -> PatronAccount {
        var account = try account(username: "Marieke.de-Vries", email: "Marieke@Example.ORG", reference: "N100002")
        account.municipality = "Groningen"
        account.birthDate = CalendarDate(year: 1984, month: 2, day: 29)
        account.gender = .other
        account.directMarketingOptIn = true
        account.language = .english
        account.lastLoginAt = Instant(secondsSinceEpoch: 1_780_000_100.5)
        account.status = .restricted
        return account
    }
}
