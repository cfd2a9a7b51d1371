import Foundation
import GatewayCrypto
import GatewayDemoApp
import GatewayTesting
import Testing

@Suite struct DemoAppConfigurationTests {
    @Test func readingTipperIsAConfidentialClientOnPort8090() throws {
        let directory = TemporaryDirectory(prefix: "demo-config")
        defer { directory.remove() }
        let secretFile = directory.file("reading-tipper.secret")
        try "  generated-secret-value\n".write(toFile: secretFile, atomically: true, encoding: .utf8)
        let configuration = try DemoAppConfiguration.load(policyFile: demoPoliciesDirectory + "/reading-tipper.json",
                                                          issuer: "http://127.0.0.1:8080", clientSecretFile: secretFile, host: nil)
        #expect(configuration.clientID == "reading-tipper")
        #expect(configuration.displayName == "Reading Tipper")
        #expect(configuration.host == "127.0.0.1" && configuration.port == 8090)
        #expect(configuration.redirectURI == "http://127.0.0.1:8090/callback" && configuration.callbackPath == "/callback")
        #expect(configuration.postLogoutRedirectURI == "http://127.0.0.1:8090/")
        #expect(configuration.scopes == ["openid", "profile", "email", "offline_access"])
        #expect(configuration.clientAuthentication == .clientSecretBasic(ClientSecret("generated-secret-value")))
        #expect(configuration.idTokenAlgorithm == .es256)
        #expect(configuration.cookieName == "demo_app_reading-tipper" && !configuration.secureCookies)
        #expect(!"\(configuration)".contains("generated-secret-value"), "a printed configuration never shows the secret")
    }

    @Test func eBooksIsAPublicClientOnPort8091() throws {
        let configuration = try DemoAppConfiguration.load(policyFile: demoPoliciesDirectory + "/e-books.json",
                                                          issuer: "http://127.0.0.1:8080", clientSecretFile: nil, host: nil)
        #expect(configuration.clientID == "e-books" && configuration.displayName == "E-books")
        #expect(configuration.host == "127.0.0.1" && configuration.port == 8091 && configuration.callbackPath == "/callback")
        #expect(configuration.postLogoutRedirectURI == "http://127.0.0.1:8091/")
        #expect(configuration.scopes == ["openid", "offline_access"])
        #expect(configuration.clientAuthentication == .publicClient)
        #expect(configuration.idTokenAlgorithm == .rs256, "OIDC's default when the policy names no algorithm")
        #expect(configuration.origin == "http://127.0.0.1:8091")
    }

    @Test func hostOptionOverridesTheRedirectHost() throws {
        let configuration = try DemoAppConfiguration.load(policyFile: demoPoliciesDirectory + "/e-books.json",
                                                          issuer: "http://127.0.0.1:8080", clientSecretFile: nil, host: "0.0.0.0")
        #expect(configuration.host == "0.0.0.0" && configuration.port == 8091)
    }

    @Test func refusesWhatCannotWork() throws {
        let directory = TemporaryDirectory(prefix: "demo-config")
        defer { directory.remove() }
        let twoLines = directory.file("multi-line.secret")
        try "alpha-secret\nbeta-secret\n".write(toFile: twoLines, atomically: true, encoding: .utf8)
        let cases: [(policy: String, issuer: String, secret: String?, host: String?, field: String)] = [
            ("reading-tipper.json", "http://127.0.0.1:8080", nil, nil, "--client-secret-file"),
            ("reading-tipper.json", "http://127.0.0.1:8080", directory.file("missing.secret"), nil, "--client-secret-file"),
            ("reading-tipper.json", "http://127.0.0.1:8080", twoLines, nil, "--client-secret-file"),
            ("e-books.json", "http://127.0.0.1:8080", twoLines, nil, "--client-secret-file"),
            ("e-books.json", "127.0.0.1:8080", nil, nil, "--issuer"),
            ("e-books.json", "http://127.0.0.1:8080?x=1", nil, nil, "--issuer"),
            ("e-books.json", "http://127.0.0.1:8080", nil, "localhost", "--host"),
            ("missing.json", "http://127.0.0.1:8080", nil, nil, "--policy"),
        ]
        for item in cases {
            do {
                _ = try DemoAppConfiguration.load(policyFile: demoPoliciesDirectory + "/" + item.policy, issuer: item.issuer,
                                                  clientSecretFile: item.secret, host: item.host)
                Issue.record("accepted: \(item)")
            } catch {
                #expect(error.field == item.field, "\(item)")
                #expect(!error.description.contains("alpha-secret"), "the secret file's content is never quoted")
            }
        }
    }

    @Test func httpsRedirectURIGivesSecureCookiesAndItsPortAndPath() throws {
        let directory = TemporaryDirectory(prefix: "demo-config")
        defer { directory.remove() }
        let original = try String(contentsOfFile: demoPoliciesDirectory + "/e-books.json", encoding: .utf8)
        let policy = directory.file("e-books-https.json")
        try original.replacingOccurrences(of: "http://127.0.0.1:8091/callback", with: "https://ebooks.example.org:9443/oidc/return")
            .write(toFile: policy, atomically: true, encoding: .utf8)
        let configuration = try DemoAppConfiguration.load(policyFile: policy, issuer: "https://login.example.org",
                                                          clientSecretFile: nil, host: nil)
        #expect(configuration.host == "127.0.0.1", "a host name is not an address to listen on")
        #expect(configuration.port == 9443 && configuration.callbackPath == "/oidc/return")
        #expect(configuration.secureCookies && configuration.cookieName == "__Host-demo_app_e-books")
    }
}
