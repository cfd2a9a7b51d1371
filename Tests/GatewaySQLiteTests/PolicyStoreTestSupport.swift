import GatewayCore
import GatewayPolicy
import GatewaySQLite
import GatewayTesting
import Synchronization
import Testing

/// Policy documents for the store tests: a confidential client with a generated secret,
/// and a public one. `changes` replace or add top-level members (raw JSON).
enum PolicyFixtures {
    static let confidentialMembers: [String: String] = [
        "client_id": #""reading-tipper""#, "display_name": #""Reading Tipper""#, "supplier": #""Leestip B.V.""#,
        "client_type": #""confidential""#, "token_endpoint_auth_method": #""client_secret_basic""#,
        "redirect_uris": #"["https://tipper.example/callback"]"#, "libraries": #""*""#,
        "allowed_scopes": #"["openid", "email"]"#,
        "functional_communication": #"{"needed": true, "purpose": "Sends you reading tips by e-mail."}"#,
    ]
    static let publicMembers: [String: String] = [
        "client_id": #""e-books""#, "display_name": #""E-books""#, "supplier": #""Boekenplank B.V.""#,
        "client_type": #""public""#, "redirect_uris": #"["https://books.example/callback"]"#,
        "libraries": #"["bibliotheek-noord"]"#, "allowed_scopes": #"["openid"]"#, "functional_communication": #"{"needed": false}"#,
    ]
    /// A valid Argon2id PHC string that no generator made.
    static let fileHash = "$argon2id$v=19$m=19456,t=2,p=1$ZmlsZXNhbHRmaWxlc2FsdA$ZmlsZWhhc2hmaWxlaGFzaGZpbGVoYXNoZmlsZWhhc2g"

    static func confidential(_ changes: [String: String] = [:]) throws -> ApplicationPolicy {
        try policy(confidentialMembers.merging(changes) { _, new in new })
    }

    static func publicClient(_ changes: [String: String] = [:]) throws -> ApplicationPolicy {
        try policy(publicMembers.merging(changes) { _, new in new })
    }

    private static func policy(_ members: [String: String]) throws -> ApplicationPolicy {
        let text = "{" + members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        return try PolicyParser.parse(Array(text.utf8))
    }
}

/// Hands out `secret-1`, `secret-2`, ... with distinct well-formed hashes (no Argon2:
/// this module does no cryptography; the CLI tests check real hashes), and counts them.
final class CountingSecretGenerator: ClientSecretGenerator {
    private let count = Mutex(0)

    var generated: Int { count.withLock { $0 } }

    func generate() throws -> ClientSecret {
        let number = count.withLock { count in
            count += 1
            return count
        }
        let hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0\(number)$aGFzaGhhc2hoYXNoaGFzaGhhc2g\(number)"
        return ClientSecret(value: "secret-\(number)", hash: hash)
    }
}

/// A migrated SQLite file in a temporary directory and a policy store over it.
final class PolicyStoreHarness {
    let directory = TemporaryDirectory(prefix: "policy-store")
    let secrets = CountingSecretGenerator()
    private(set) var database: SQLiteDatabase
    private(set) var store: SQLitePolicyStore

    init() throws {
        database = try SQLiteDatabase(path: directory.file("gateway.sqlite3"))
        _ = try database.migrate(PolicyMigrations.all)
        store = SQLitePolicyStore(database: database, secrets: secrets)
    }

    deinit { directory.remove() }

    /// Closes every connection and opens the file again, as a restarted gateway would.
    func reopen() throws {
        database = try SQLiteDatabase(path: directory.file("gateway.sqlite3"))
        store = SQLitePolicyStore(database: database, secrets: secrets)
    }

    /// Imports as admin `alice` at `seconds` since the epoch.
    @discardableResult
    func importPolicy(_ policy: ApplicationPolicy, at seconds: Double = 1_800_000_000) throws -> PolicyImportResult {
        try store.importPolicy(policy, actor: "alice", at: Instant(secondsSinceEpoch: seconds))
    }
}
