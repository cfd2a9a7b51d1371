import GatewayAccounts
import GatewayCore
import GatewayPolicy
import GatewaySQLite
import Testing

/// What the policy and consent schema itself guarantees, whatever code writes to it.
@Suite struct PolicySchemaTests {
    @Test func policyAndConsentMigrationsFollowTheAccountOnes() throws {
        let harness = try PolicyStoreHarness()
        let versions = (PolicyMigrations.all + ConsentMigrations.all).map(\.version)
        #expect(versions.allSatisfy { $0 > (AccountMigrations.all.map(\.version).max() ?? 0) })
        #expect(try harness.database.migrate(AccountMigrations.all + PolicyMigrations.all + ConsentMigrations.all)
                == AccountMigrations.all.map(\.version) + ConsentMigrations.all.map(\.version))
    }

    @Test func storedDocumentsAreAlwaysJSONFiledUnderTheirClient() throws {
        let harness = try PolicyStoreHarness()
        try harness.importPolicy(try PolicyFixtures.publicClient())
        let edits = [
            "UPDATE application_policies SET document = 'not json'",
            "UPDATE application_policies SET document = '[1, 2]'",
            #"UPDATE application_policies SET document = json_set(document, '$.client_id', 'other')"#,
            #"UPDATE application_policy_versions SET document = json_remove(document, '$.client_id')"#,
            "UPDATE application_policy_versions SET changed_fields = '\"display_name\"'",
            "UPDATE application_policies SET version = 7",
            "DELETE FROM application_policy_versions",
            "UPDATE application_policies SET updated_by = ''",
        ]
        try harness.database.withConnection { connection in
            for edit in edits {
                #expect(throws: SQLiteError.self, "\(edit)") { try connection.run(edit) }
            }
        }
        #expect(try harness.store.policy(clientID: "e-books") == (try PolicyFixtures.publicClient()))
    }

    @Test func handEditedDocumentBreakingARuleIsUnavailableNotShown() throws {
        let harness = try PolicyStoreHarness()
        try harness.importPolicy(try PolicyFixtures.confidential())
        _ = try harness.database.withConnection { connection in
            try connection.run(#"UPDATE application_policies SET document = json_set(document, '$.client_secret_hash', 'plain-secret-123')"#)
        }
        let error = #expect(throws: PolicyStoreError.self) { try harness.store.allPolicies() }
        let detail = "\(String(describing: error))"
        #expect(detail.contains("reading-tipper") && detail.contains("client_secret_hash"))
        #expect(!detail.contains("plain-secret-123"))
        #expect(throws: PolicyAdministrationError.self) { try harness.importPolicy(try PolicyFixtures.confidential()) }
    }
}
