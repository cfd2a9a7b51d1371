import Foundation
import GatewayTesting
import Testing

/// OIDC Core §3.1.2.1 `prompt=login` and `max_age`: a live session is not enough, the
/// patron logs in again — once: the login form leads back to a request that the fresh login
/// satisfies (no loop), and the code then carries the new `auth_time`.
@Suite struct OIDCPromptTests {
    private func reauthenticate(with extra: [(String, String)]) throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        _ = try harness.code(.eBooks) // consent given, session live
        let asked = try harness.browser.get(OIDCHarness.authorizePath(OIDCHarness.authorization(.eBooks) + extra))
        let login = try #require(asked.header("location"))
        #expect(asked.status == 303 && login.hasPrefix("/login?"))
        let returnTo = try #require(OIDCHarness.query(of: "http://x" + login)["return_to"])
        #expect(!returnTo.contains("prompt=login") && !returnTo.contains("max_age"))
        let form = try harness.browser.get(login)
        let token = try #require(TestBrowser.csrfToken(form))
        let loggedIn = try harness.browser.post("/login", [("csrf_token", token), ("identifier", "lezer42"),
                                                           ("password", "mijn geheime leeszin"), ("return_to", returnTo)])
        #expect(loggedIn.status == 303 && loggedIn.header("location") == returnTo)
        let back = try harness.browser.get(returnTo)
        let location = try #require(back.header("location"))
        #expect(back.status == 303 && location.hasPrefix(RelyingParty.eBooks.redirectURI))
        #expect(OIDCHarness.query(of: location)["code"] != nil && OIDCHarness.query(of: location)["state"] == "af0ifjsldkj")
    }

    @Test func promptLoginAsksForThePasswordOnceThenIssuesTheCode() throws {
        try reauthenticate(with: [("prompt", "login")])
    }

    @Test func exceededMaxAgeAsksForThePasswordOnceThenIssuesTheCode() throws {
        try reauthenticate(with: [("max_age", "0")])
    }
}
