import GatewayPolicy
import Testing

@Suite struct DemoPolicyTests {
    @Test func readingTipperReceivesUsernameAndEmail() throws {
        let policy = try PolicyParser.loadFile(demoPoliciesDirectory + "/reading-tipper.json")
        #expect(policy.clientID == "reading-tipper")
        #expect(policy.clientType == .confidential)
        #expect(policy.tokenEndpointAuthMethod == .clientSecretBasic)
        #expect(policy.clientSecretHash == nil)
        #expect(!policy.hasCredentials)
        #expect(policy.disclosesUsernameAndEmail)
        #expect(policy.functionalCommunication.purpose?.contains("reading tips by e-mail") == true)
        #expect(policy.redirectURIs == ["http://127.0.0.1:8090/callback"])
        #expect(policy.backchannelLogoutURI == "http://127.0.0.1:8090/backchannel-logout")
        #expect(policy.allowedScopes == [.openid, .profile, .email, .offlineAccess])
        #expect(policy.idTokenSignedResponseAlg == .es256)
        #expect(policy.subscribes(library: "any-library-at-all"))
    }

    @Test func eBooksLearnsOnlyLibraryAndMylibraryID() throws {
        let policy = try PolicyParser.loadFile(demoPoliciesDirectory + "/e-books.json")
        #expect(policy.clientID == "e-books")
        #expect(policy.clientType == .public)
        #expect(policy.tokenEndpointAuthMethod == .noAuthentication)
        #expect(policy.hasCredentials)
        #expect(!policy.disclosesUsernameAndEmail)
        #expect(policy.functionalCommunication.purpose == nil)
        #expect(policy.allowedScopes == [.openid, .offlineAccess])
        #expect(!policy.allows(scope: .email))
        #expect(policy.idTokenSignedResponseAlg == .rs256)
        #expect(policy.libraries == .only(["bibliotheek-noord", "bibliotheek-zuid"]))
        #expect(policy.subscribes(library: "bibliotheek-zuid"))
        #expect(!policy.subscribes(library: "bibliotheek-west"))
        #expect(policy.registers(redirectURI: "http://127.0.0.1:8091/callback"))
        #expect(!policy.registers(redirectURI: "http://127.0.0.1:8091/callback/"))
    }

    @Test func demoDirectoryLoadsBothPolicies() throws {
        let policies = try PolicyParser.loadDirectory(demoPoliciesDirectory)
        #expect(policies.map(\.clientID) == ["e-books", "reading-tipper"])
    }

    @Test func validateReportsEachDemoFileAsValid() {
        let report = PolicyValidator.report(for: demoPoliciesDirectory)
        #expect(report.ok)
        #expect(report.lines == [
            "\(demoPoliciesDirectory)/e-books.json: valid (client_id e-books, public client, none, "
                + "libraries: bibliotheek-noord bibliotheek-zuid, scopes: openid offline_access, no username or e-mail)",
            "\(demoPoliciesDirectory)/reading-tipper.json: valid (client_id reading-tipper, confidential client, "
                + "client_secret_basic, secret not yet generated, libraries: all, scopes: openid profile email offline_access, "
                + "receives username and e-mail)",
        ])
    }
}
