import GatewayCore
import GatewayPolicy
import GatewaySQLite
import Testing

/// Imports, history and client secrets of the SQLite policy store, on real database files.
@Suite struct SQLitePolicyStoreTests {
    @Test func firstImportCreatesVersionOneListingEveryField() throws {
        let harness = try PolicyStoreHarness()
        let policy = try PolicyFixtures.publicClient()
        let result = try harness.importPolicy(policy, at: 1_800_000_000.5)
        #expect(result == PolicyImportResult(outcome: .created(version: 1), generatedSecret: nil))
        #expect(try harness.store.policy(clientID: "e-books") == policy)
        let history = try harness.store.versions(clientID: "e-books")
        #expect(history.map(\.version) == [1])
        #expect(history.first?.actor == "alice" && history.first?.changedAt == Instant(secondsSinceEpoch: 1_800_000_000.5))
        #expect(history.first?.changedFields == (try PolicyDocument.fields(of: policy)))
        #expect(try history.first.map { try PolicyDocument.policy(from: $0.document) } == policy)
        #expect(try harness.store.policy(clientID: "unknown") == nil)
        #expect(try harness.store.versions(clientID: "unknown").isEmpty)
    }

    @Test func importingTheSameDocumentAgainChangesNothing() throws {
        let harness = try PolicyStoreHarness()
        let policy = try PolicyFixtures.confidential()
        #expect(try harness.importPolicy(policy).generatedSecret != nil)
        let again = try harness.importPolicy(policy, at: 1_800_000_100)
        #expect(again == PolicyImportResult(outcome: .unchanged, generatedSecret: nil))
        #expect(try harness.store.versions(clientID: "reading-tipper").count == 1)
        #expect(harness.secrets.generated == 1)
        #expect(try harness.store.storedPolicy(clientID: "reading-tipper")?.updatedAt == Instant(secondsSinceEpoch: 1_800_000_000))
    }

    @Test func changedDocumentBecomesTheNextVersionNamingWhatChanged() throws {
        let harness = try PolicyStoreHarness()
        let first = try PolicyFixtures.publicClient()
        let second = try PolicyFixtures.publicClient(["display_name": #""E-books Plus""#, "redirect_uris": #"["https://books.example/cb"]"#])
        try harness.importPolicy(first)
        let result = try harness.store.importPolicy(second, actor: "bob", at: Instant(secondsSinceEpoch: 1_800_000_200))
        #expect(result.outcome == .updated(version: 2, changedFields: ["display_name", "redirect_uris"]))
        #expect(try harness.store.policy(clientID: "e-books") == second)
        let history = try harness.store.versions(clientID: "e-books")
        #expect(history.map(\.version) == [1, 2] && history.map(\.actor) == ["alice", "bob"])
        #expect(history.last?.changedFields == ["display_name", "redirect_uris"])
        #expect(try PolicyDocument.policy(from: history[0].document) == first)
        let stored = try #require(try harness.store.storedPolicy(clientID: "e-books"))
        #expect(stored.version == 2 && stored.updatedBy == "bob" && stored.updatedAt == Instant(secondsSinceEpoch: 1_800_000_200))
    }

    @Test func confidentialClientWithoutHashGetsOneGeneratedSecret() throws {
        let harness = try PolicyStoreHarness()
        let result = try harness.importPolicy(try PolicyFixtures.confidential())
        let secret = try #require(result.generatedSecret)
        #expect(secret.value == "secret-1" && result.outcome == .created(version: 1))
        let stored = try #require(try harness.store.policy(clientID: "reading-tipper"))
        #expect(stored.clientSecretHash == secret.hash && stored.hasCredentials)
        #expect(!"\(secret)".contains("secret-1") && !"\(result)".contains("secret-1"), "descriptions never show the secret")
    }

    @Test func reimportWithoutHashKeepsTheStoredHash() throws {
        let harness = try PolicyStoreHarness()
        let secret = try #require(try harness.importPolicy(try PolicyFixtures.confidential()).generatedSecret)
        let edited = try PolicyFixtures.confidential(["display_name": #""Reading Tipper 2""#])
        let result = try harness.importPolicy(edited)
        #expect(result == PolicyImportResult(outcome: .updated(version: 2, changedFields: ["display_name"]), generatedSecret: nil))
        #expect(try harness.store.policy(clientID: "reading-tipper")?.clientSecretHash == secret.hash)
        #expect(harness.secrets.generated == 1)
    }

    @Test func fileWithAHashSetsIt() throws {
        let harness = try PolicyStoreHarness()
        try harness.importPolicy(try PolicyFixtures.confidential())
        let withHash = try PolicyFixtures.confidential(["client_secret_hash": "\"\(PolicyFixtures.fileHash)\""])
        let result = try harness.importPolicy(withHash)
        #expect(result == PolicyImportResult(outcome: .updated(version: 2, changedFields: ["client_secret_hash"]), generatedSecret: nil))
        #expect(try harness.store.policy(clientID: "reading-tipper")?.clientSecretHash == PolicyFixtures.fileHash)

        let fresh = try PolicyStoreHarness()
        #expect(try fresh.importPolicy(withHash).generatedSecret == nil)
        #expect(fresh.secrets.generated == 0)
    }

    @Test func switchingAwayFromSecretsDropsTheHash() throws {
        let harness = try PolicyStoreHarness()
        try harness.importPolicy(try PolicyFixtures.confidential())
        let keys = try PolicyFixtures.confidential([
            "token_endpoint_auth_method": #""private_key_jwt""#, "jwks_uri": #""https://tipper.example/jwks""#,
        ])
        let result = try harness.importPolicy(keys)
        #expect(result.outcome == .updated(version: 2, changedFields: ["client_secret_hash", "jwks_uri", "token_endpoint_auth_method"]))
        #expect(try harness.store.policy(clientID: "reading-tipper")?.clientSecretHash == nil)
    }

    @Test func settingTheSecretHashStoresAVersion() throws {
        let harness = try PolicyStoreHarness()
        try harness.importPolicy(try PolicyFixtures.confidential())
        let at = Instant(secondsSinceEpoch: 1_800_000_300)
        let outcome = try harness.store.setClientSecretHash(clientID: "reading-tipper", hash: PolicyFixtures.fileHash, actor: "carol", at: at)
        #expect(outcome == .updated(version: 2, changedFields: ["client_secret_hash"]))
        #expect(try harness.store.versions(clientID: "reading-tipper").last?.actor == "carol")
        #expect(try harness.store.setClientSecretHash(clientID: "reading-tipper", hash: PolicyFixtures.fileHash, actor: "carol", at: at)
                == .unchanged)
        #expect(try harness.store.policy(clientID: "reading-tipper")?.clientSecretHash == PolicyFixtures.fileHash)
    }

    @Test func secretChangesAreRefusedWhereTheyCannotApply() throws {
        let harness = try PolicyStoreHarness()
        try harness.importPolicy(try PolicyFixtures.confidential())
        try harness.importPolicy(try PolicyFixtures.publicClient())
        let at = Instant(secondsSinceEpoch: 1_800_000_300)
        #expect(throws: PolicyAdministrationError.unknownClient(clientID: "nope")) {
            try harness.store.setClientSecretHash(clientID: "nope", hash: PolicyFixtures.fileHash, actor: "carol", at: at)
        }
        #expect(throws: PolicyAdministrationError.noClientSecret(clientID: "e-books")) {
            try harness.store.rotateClientSecret(clientID: "e-books", actor: "carol", at: at)
        }
        let error = #expect(throws: PolicyAdministrationError.self) {
            try harness.store.setClientSecretHash(clientID: "reading-tipper", hash: "plain-secret-123", actor: "carol", at: at)
        }
        guard case .invalidPolicy(let invalid) = error else { Issue.record("expected invalidPolicy, got \(String(describing: error))"); return }
        #expect(invalid.problems.map(\.path) == ["client_secret_hash"])
        #expect(!"\(invalid)".contains("plain-secret-123"))
        #expect(throws: PolicyAdministrationError.invalidActor) {
            try harness.store.importPolicy(try PolicyFixtures.publicClient(), actor: "", at: at)
        }
        #expect(try harness.store.versions(clientID: "reading-tipper").count == 1)
        #expect(harness.secrets.generated == 1, "nothing is generated for a client that cannot use it")
    }

    @Test func rotationReplacesTheSecret() throws {
        let harness = try PolicyStoreHarness()
        let first = try #require(try harness.importPolicy(try PolicyFixtures.confidential()).generatedSecret)
        let rotated = try harness.store.rotateClientSecret(clientID: "reading-tipper", actor: "dave", at: Instant(secondsSinceEpoch: 1_800_000_400))
        #expect(rotated.secret.value == "secret-2" && rotated.secret.hash != first.hash)
        #expect(rotated.outcome == .updated(version: 2, changedFields: ["client_secret_hash"]))
        #expect(try harness.store.policy(clientID: "reading-tipper")?.clientSecretHash == rotated.secret.hash)
        #expect(try harness.importPolicy(try PolicyFixtures.confidential()).outcome == .unchanged, "re-import keeps the rotated secret")
    }

    @Test func policiesAndHistorySurviveReopening() throws {
        let harness = try PolicyStoreHarness()
        let confidential = try harness.importPolicy(try PolicyFixtures.confidential())
        try harness.importPolicy(try PolicyFixtures.publicClient())
        try harness.importPolicy(try PolicyFixtures.publicClient(["display_name": #""E-books 2""#]))
        try harness.reopen()
        #expect(try harness.store.allPolicies().map(\.clientID) == ["e-books", "reading-tipper"])
        #expect(try harness.store.storedPolicies().map(\.version) == [2, 1])
        #expect(try harness.store.policy(clientID: "reading-tipper")?.clientSecretHash == confidential.generatedSecret?.hash)
        #expect(try harness.store.versions(clientID: "e-books").map(\.changedFields).last == ["display_name"])
    }
}
