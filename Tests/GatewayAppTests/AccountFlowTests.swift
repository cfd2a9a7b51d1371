import Foundation
import GatewayTesting
import Testing

private let member = [("library", "bibliotheek-noord"), ("card_number", "20001000000002"), ("card_secret", "2468")]
private let password = "mijn geheime leeszin"

private func registration(username: String = "lezer42", email: String = "lezer42@example.org", password: String = password,
                          again: String? = nil, card: [(String, String)] = member) -> [(String, String)] {
    card + [("username", username), ("email", email), ("password", password), ("password_again", again ?? password), ("language", "nl")]
}

/// Opens a form page and posts `fields` with its CSRF token.
@discardableResult
private func submit(_ browser: TestBrowser, form path: String, to action: String, _ fields: [(String, String)]) throws -> RawHTTPResponse {
    let page = try browser.get(path)
    let token = try #require(TestBrowser.csrfToken(page), "no CSRF token on \(path)")
    return try browser.post(action, [("csrf_token", token)] + fields)
}

@Suite struct AccountFlowTests {
    @Test func registerLogoutLoginWithUsernameAndEmailLogout() throws {
        let gateway = try RunningGateway()
        let browser = TestBrowser(port: gateway.port)
        let registered = try submit(browser, form: "/register", to: "/register", registration())
        #expect(registered.status == 303)
        #expect(registered.header("location") == "/account?welcome=1&lang=nl")
        let account = try browser.get("/account")
        #expect(account.status == 200 && account.text.contains("<strong>lezer42</strong>"))
        let loggedOut = try browser.post("/logout", [("csrf_token", try #require(TestBrowser.csrfToken(account)))])
        #expect(loggedOut.status == 200 && loggedOut.text.contains("Je bent uitgelogd"))
        #expect(try browser.get("/account").status == 303)
        for identifier in ["lezer42", "LEZER42@example.org"] {
            let login = try submit(browser, form: "/login", to: "/login", [("identifier", identifier), ("password", password)])
            #expect(login.status == 303, "login with \(identifier)")
            #expect(try browser.get("/account").text.contains("lezer42"))
            let page = try browser.get("/account")
            _ = try browser.post("/logout", [("csrf_token", try #require(TestBrowser.csrfToken(page)))])
        }
    }

    @Test func unknownUserAndWrongPasswordLookTheSame() throws {
        let gateway = try RunningGateway()
        try submit(TestBrowser(port: gateway.port), form: "/register", to: "/register", registration())
        let wrongPassword = try submit(TestBrowser(port: gateway.port), form: "/login", to: "/login",
                                       [("identifier", "lezer42"), ("password", "not the password")])
        let unknownUser = try submit(TestBrowser(port: gateway.port), form: "/login", to: "/login",
                                     [("identifier", "lezer43"), ("password", "not the password")])
        #expect(wrongPassword.status == 401 && unknownUser.status == 401)
        func shape(_ page: RawHTTPResponse, _ identifier: String) -> String {
            page.text.replacingOccurrences(of: identifier, with: "ID")
                .replacingOccurrences(of: TestBrowser.csrfToken(page) ?? "-", with: "TOKEN")
        }
        #expect(shape(wrongPassword, "lezer42") == shape(unknownUser, "lezer43"))
    }

    @Test func failedRegistrationStoresNothingAndNamesEachField() throws {
        let gateway = try RunningGateway()
        let browser = TestBrowser(port: gateway.port)
        let refused = try submit(browser, form: "/register", to: "/register",
                                 registration(username: "x", email: "not-an-address", password: "password1", again: "other"))
        #expect(refused.status == 422)
        for field in ["username", "email", "password", "password_again"] { #expect(refused.text.contains("href=\"#\(field)\"")) }
        #expect(!refused.text.contains("password1"))
        let ok = try submit(browser, form: "/register", to: "/register", registration())
        #expect(ok.status == 303, "the same card and names are still free")
    }

    @Test func takenUsernameSaysNotAvailableWithoutSayingWhose() throws {
        let gateway = try RunningGateway()
        try submit(TestBrowser(port: gateway.port), form: "/register", to: "/register", registration())
        let other = [("library", "bibliotheek-zuid"), ("card_number", "20002000000001"), ("card_secret", "4321")]
        let again = try submit(TestBrowser(port: gateway.port), form: "/register", to: "/register",
                               registration(email: "someone@example.org", card: other))
        #expect(again.status == 422)
        #expect(again.text.contains("Deze gebruikersnaam is niet beschikbaar"))
    }

    @Test func wrongCardPINIsRefusedAndExpiredMembershipIsExplained() throws {
        let gateway = try RunningGateway()
        let wrong = [("library", "bibliotheek-noord"), ("card_number", "20001000000002"), ("card_secret", "0000")]
        #expect(try submit(TestBrowser(port: gateway.port), form: "/register", to: "/register", registration(card: wrong)).text
            .contains("Pasnummer of pincode klopt niet"))
        let expired = [("library", "bibliotheek-noord"), ("card_number", "20001000000003"), ("card_secret", "1357")]
        #expect(try submit(TestBrowser(port: gateway.port), form: "/register", to: "/register", registration(card: expired)).text
            .contains("lidmaatschap van deze pas is verlopen"))
    }

    @Test func formWithoutTheRightCSRFTokenOrFromAnotherOriginIsRefused() throws {
        let gateway = try RunningGateway()
        let browser = TestBrowser(port: gateway.port)
        let page = try browser.get("/login")
        let token = try #require(TestBrowser.csrfToken(page))
        #expect(try browser.post("/login", [("csrf_token", "forged"), ("identifier", "a"), ("password", "b")]).status == 403)
        #expect(try browser.post("/login", [("csrf_token", token), ("identifier", "a"), ("password", "b")],
                                 origin: "https://evil.example").status == 403)
        let stranger = TestBrowser(port: gateway.port)
        #expect(try stranger.post("/login", [("csrf_token", token), ("identifier", "a"), ("password", "b")]).status == 403)
    }

    @Test func loginIssuesAFreshSessionIDNotThePreLoginOne() throws {
        let gateway = try RunningGateway()
        let browser = TestBrowser(port: gateway.port)
        try submit(browser, form: "/register", to: "/register", registration())
        _ = try browser.post("/logout", [("csrf_token", try #require(TestBrowser.csrfToken(try browser.get("/account"))))])
        _ = try browser.get("/login")
        let preLogin = try #require(browser.cookies["gw_pre"])
        let attacker = TestBrowser(port: gateway.port)
        attacker.cookies["gw_session"] = preLogin
        let login = try submit(browser, form: "/login", to: "/login", [("identifier", "lezer42"), ("password", password)])
        #expect(login.status == 303)
        let session = try #require(browser.cookies["gw_session"])
        #expect(session != preLogin)
        #expect(browser.cookies["gw_pre"] == nil)
        #expect(try attacker.get("/account").status == 303, "a planted pre-login id must not become a session")
        #expect(login.headers.contains { $0.name == "set-cookie" && $0.value.contains("HttpOnly") && $0.value.contains("SameSite=Lax") })
    }

    @Test func repeatedFailuresLockTheAccountOut() throws {
        let gateway = try RunningGateway()
        try submit(TestBrowser(port: gateway.port), form: "/register", to: "/register", registration())
        var statuses: [Int] = []
        for _ in 0..<6 {
            statuses.append(try submit(TestBrowser(port: gateway.port), form: "/login", to: "/login",
                                       [("identifier", "lezer42"), ("password", "wrong wrong wrong")]).status)
        }
        #expect(statuses.last == 429)
        let correct = try submit(TestBrowser(port: gateway.port), form: "/login", to: "/login",
                                 [("identifier", "lezer42"), ("password", password)])
        #expect(correct.status == 429, "even the right password waits out the lockout")
        #expect(correct.header("retry-after") != nil)
    }

    @Test func redisDownGives503AndNoLoginThenRecovers() throws {
        let gateway = try RunningGateway()
        try submit(TestBrowser(port: gateway.port), form: "/register", to: "/register", registration())
        let browser = TestBrowser(port: gateway.port)
        let page = try browser.get("/login")
        gateway.redis.stop()
        let down = try browser.post("/login", [("csrf_token", try #require(TestBrowser.csrfToken(page))), ("identifier", "lezer42"),
                                               ("password", password)])
        #expect(down.status == 503)
        #expect(down.header("retry-after") != nil)
        #expect(browser.cookies["gw_session"] == nil)
        try gateway.redis.start()
        let login = try submit(TestBrowser(port: gateway.port), form: "/login", to: "/login", [("identifier", "lezer42"), ("password", password)])
        #expect(login.status == 303)
    }

    @Test func pagesAreServedInEnglishOnRequest() throws {
        let gateway = try RunningGateway()
        let page = try TestBrowser(port: gateway.port).get("/login?lang=en")
        #expect(page.text.contains("<html lang=\"en\">") && page.text.contains("Log in"))
        #expect(page.header("content-security-policy")?.contains("default-src 'none'") == true)
    }
}
