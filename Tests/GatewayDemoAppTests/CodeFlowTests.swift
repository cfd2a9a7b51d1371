import Foundation
import GatewayCore
import GatewayCrypto
import GatewayDemoApp
import GatewayHTTP
import Testing

/// A demo app whose browser has completed a login at a fake provider.
private struct CompletedLogin {
    let provider: FakeProvider
    let app: DemoApp
    let browser: DemoBrowser
    let callback: HTTPResponse

    init(confidential: Bool = false, endSession: Bool = true, nonceOverride: String? = nil) async throws {
        provider = try FakeProvider(algorithm: confidential ? .es256 : .rs256, endSession: endSession)
        provider.backend.overrideNonce(nonceOverride)
        app = DemoApp(configuration: try testConfiguration(issuer: provider.issuer, confidential: confidential),
                      logger: Logger(sink: MemoryLogSink()), random: SecureRandom())
        browser = DemoBrowser(app: app)
        let login = await browser.get("/login")
        callback = await browser.get("/callback?" + provider.backend.approve(login.headers["Location"] ?? ""))
    }
}

@Suite struct CodeFlowTests {
    @Test func publicClientLogsInAndSeesWhatTheGatewayReleased() async throws {
        let flow = try await CompletedLogin()
        #expect(flow.callback.status == 303 && flow.callback.headers["Location"] == "/")
        let call = try #require(flow.provider.backend.tokenCalls.first)
        #expect(call.authorization == nil && call.fields["client_id"] == "e-books" && call.fields["client_secret"] == nil)
        #expect(call.fields["redirect_uri"] == "http://127.0.0.1:8091/callback" && call.fields["code_verifier"]?.count == 43)
        let home = await flow.browser.get("/")
        #expect(home.status == 200)
        #expect(home.text.contains("id=\"verification\">The ID token's signature"))
        #expect(home.text.contains("<p id=\"contact-claims\">username and e-mail: not received</p>"))
        for table in ["id-token-claims", "userinfo-claims", "access-token-claims"] { #expect(home.text.contains("<table id=\"\(table)\">")) }
        #expect(home.text.contains("<tr data-claim=\"mylibrary_id\"><th scope=\"row\">mylibrary_id</th><td>\(flow.provider.backend.subject)</td></tr>"))
        #expect(home.text.contains("id=\"logout-button\"") && home.text.contains("id=\"refresh-button\""))
    }

    @Test func loginGetsAFreshSessionCookie() async throws {
        let provider = try FakeProvider()
        let app = DemoApp(configuration: try testConfiguration(issuer: provider.issuer), logger: Logger(sink: MemoryLogSink()),
                          random: SecureRandom())
        let browser = DemoBrowser(app: app)
        let login = await browser.get("/login")
        let before = browser.cookies["demo_app_e-books"]
        _ = await browser.get("/callback?" + provider.backend.approve(login.headers["Location"] ?? ""))
        #expect(before != nil && browser.cookies["demo_app_e-books"] != before, "no session fixation")
        #expect(app.sessions.session(before ?? "") == nil)
    }

    @Test func confidentialClientUsesClientSecretBasic() async throws {
        let flow = try await CompletedLogin(confidential: true)
        #expect(flow.callback.status == 303)
        let call = try #require(flow.provider.backend.tokenCalls.first)
        // RFC 6749 §2.3.1: id and secret form-urlencoded, then joined and base64-encoded.
        let expected = "Basic " + Data("reading-tipper:s3cret%3A%20with%2Fodd%2Bchars".utf8).base64EncodedString()
        #expect(call.authorization == expected)
        #expect(call.fields["client_id"] == nil && call.fields["client_secret"] == nil)
    }

    @Test func idTokenWithAnotherNonceIsRefused() async throws {
        let flow = try await CompletedLogin(nonceOverride: "replayed-nonce")
        #expect(flow.callback.status == 400 && flow.callback.text.contains("nonce does not match"))
        #expect(await flow.browser.get("/").text.contains("id=\"login-button\""))
    }

    @Test func refreshShowsThatTheRefreshTokenRotated() async throws {
        let flow = try await CompletedLogin()
        let home = await flow.browser.get("/")
        let refreshed = await flow.browser.post("/refresh", [("csrf_token", try #require(DemoBrowser.csrfToken(home)))])
        #expect(refreshed.status == 303)
        let page = await flow.browser.get("/")
        #expect(page.text.contains("data-rotated=\"true\""))
        let calls = flow.provider.backend.tokenCalls
        #expect(calls.count == 2 && calls[1].fields["grant_type"] == "refresh_token" && calls[1].fields["refresh_token"] == "rt-2")
        _ = await flow.browser.post("/refresh", [("csrf_token", try #require(DemoBrowser.csrfToken(page)))])
        #expect(flow.provider.backend.tokenCalls.last?.fields["refresh_token"] == "rt-3", "the rotated token is the one used next")
    }

    @Test func refreshWithoutRotationSaysSo() async throws {
        let flow = try await CompletedLogin()
        flow.provider.backend.rotateRefreshTokens(false)
        _ = await flow.browser.post("/refresh", [("csrf_token", try #require(DemoBrowser.csrfToken(await flow.browser.get("/"))))])
        #expect(await flow.browser.get("/").text.contains("data-rotated=\"false\""))
    }

    @Test func formsWithoutTheCSRFTokenOrFromAnotherOriginAreRefused() async throws {
        let flow = try await CompletedLogin()
        let token = try #require(DemoBrowser.csrfToken(await flow.browser.get("/")))
        #expect(await flow.browser.post("/logout", [("csrf_token", "guess")]).status == 403)
        #expect(await flow.browser.post("/logout", [("csrf_token", token)], headers: ["Origin": "http://evil.example"]).status == 403)
        #expect(await flow.browser.get("/").text.contains("id=\"logout-button\""), "still logged in")
    }

    @Test func logoutGoesToTheEndSessionEndpointAndChecksTheReturnedState() async throws {
        let flow = try await CompletedLogin()
        let token = try #require(DemoBrowser.csrfToken(await flow.browser.get("/")))
        let logout = await flow.browser.post("/logout", [("csrf_token", token)], headers: ["Origin": "http://127.0.0.1:8091"])
        let location = try #require(logout.headers["Location"])
        #expect(logout.status == 303 && location.hasPrefix(flow.provider.issuer + "/end-session?"))
        let query = DemoBrowser.query(of: location)
        #expect(query["id_token_hint"]?.split(separator: ".").count == 3 && query["client_id"] == "e-books")
        #expect(query["post_logout_redirect_uri"] == "http://127.0.0.1:8091/")
        let state = try #require(query["state"])
        let back = await flow.browser.get("/?state=\(state)")
        #expect(back.text.contains("id=\"logout-result\">You have been logged out of this application and of My Library"))
        #expect(back.text.contains("id=\"login-button\""))
    }

    @Test func returnFromLogoutWithAnotherStateSaysSo() async throws {
        let flow = try await CompletedLogin()
        let token = try #require(DemoBrowser.csrfToken(await flow.browser.get("/")))
        _ = await flow.browser.post("/logout", [("csrf_token", token)])
        #expect(!(await flow.browser.get("/").text.contains("logout-result")), "a visit without state leaves the logout pending")
        #expect(await flow.browser.get("/?state=forged").text.contains("did not carry the expected state"))
    }

    @Test func withoutEndSessionEndpointLogoutIsLocal() async throws {
        let flow = try await CompletedLogin(endSession: false)
        let logout = await flow.browser.post("/logout", [("csrf_token", try #require(DemoBrowser.csrfToken(await flow.browser.get("/"))))])
        #expect(logout.headers["Location"] == "/")
        #expect(await flow.browser.get("/").text.contains("no end_session_endpoint"))
    }

    @Test func backchannelLogoutEndsTheBrowsersLogin() async throws {
        let flow = try await CompletedLogin()
        let token = try flow.provider.logoutToken(audience: "e-books")
        #expect(await DemoBrowser(app: flow.app).post("/backchannel-logout", [("logout_token", token)]).status == 200)
        #expect(await flow.browser.get("/").text.contains("id=\"login-button\""))
    }
}
