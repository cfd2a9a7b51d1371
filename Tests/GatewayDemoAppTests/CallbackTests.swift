import GatewayCore
import GatewayCrypto
import GatewayDemoApp
import GatewayHTTP
import GatewayTesting
import Testing

/// A demo app for e-books against a fake provider, and a browser that has started a login.
private struct StartedLogin {
    let provider: FakeProvider
    let app: DemoApp
    let browser: DemoBrowser
    let request: [String: String]
    let logs = MemoryLogSink()

    init() async throws {
        provider = try FakeProvider()
        app = DemoApp(configuration: try testConfiguration(issuer: provider.issuer), logger: Logger(sink: logs), random: SecureRandom())
        browser = DemoBrowser(app: app)
        let login = await browser.get("/login")
        request = DemoBrowser.query(of: login.headers["Location"] ?? "")
    }

    var state: String { request["state"] ?? "" }
}

@Suite struct CallbackTests {
    @Test func loginRedirectsToTheDiscoveredAuthorizationEndpointWithAnHttpOnlyCookie() async throws {
        let provider = try FakeProvider()
        let app = DemoApp(configuration: try testConfiguration(issuer: provider.issuer), logger: Logger(sink: MemoryLogSink()),
                          random: SecureRandom())
        let login = await DemoBrowser(app: app).get("/login")
        #expect(login.status == 303)
        #expect(login.headers["Location"]?.hasPrefix(provider.issuer + "/authorize?response_type=code&client_id=e-books&") == true)
        let cookie = try #require(login.headers["Set-Cookie"])
        #expect(cookie.hasPrefix("demo_app_e-books=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
    }

    @Test func wrongStateIsRefusedWithAClearPage() async throws {
        let login = try await StartedLogin()
        let page = await login.browser.get("/callback?code=c&state=forged&iss=\(login.provider.issuer)")
        #expect(page.status == 400)
        #expect(page.text.contains("<h1>Login failed</h1>") && page.text.contains("does not match the login this browser started"))
        #expect(login.provider.backend.tokenCalls.isEmpty, "no code is exchanged after a failed check")
    }

    @Test func stateIsSingleUse() async throws {
        let login = try await StartedLogin()
        _ = await login.browser.get("/callback?code=c&state=forged&iss=\(login.provider.issuer)")
        let retry = await login.browser.get("/callback?code=c&state=\(login.state)&iss=\(login.provider.issuer)")
        #expect(retry.status == 400 && retry.text.contains("No login is in progress"))
    }

    @Test func missingIssIsRefused() async throws {
        let login = try await StartedLogin()
        let page = await login.browser.get("/callback?code=c&state=\(login.state)")
        #expect(page.status == 400 && page.text.contains("no iss parameter"))
    }

    @Test func wrongIssIsRefused() async throws {
        let login = try await StartedLogin()
        let page = await login.browser.get("/callback?code=c&state=\(login.state)&iss=http://127.0.0.1:1")
        #expect(page.status == 400 && page.text.contains("mix-up"))
        #expect(login.provider.backend.tokenCalls.isEmpty)
    }

    @Test func duplicateStateIsRefused() async throws {
        let login = try await StartedLogin()
        let page = await login.browser.get("/callback?code=c&state=\(login.state)&state=\(login.state)&iss=\(login.provider.issuer)")
        #expect(page.status == 400 && page.text.contains("the parameter state more than once"))
    }

    @Test func errorResponseShowsTheErrorEscaped() async throws {
        let login = try await StartedLogin()
        let page = await login.browser.get("/callback?error=access_denied&error_description=%3Cscript%3Ex%3C%2Fscript%3E+refused"
            + "&state=\(login.state)&iss=\(login.provider.issuer)")
        #expect(page.status == 400)
        #expect(page.text.contains("error access_denied: &lt;script&gt;x&lt;/script&gt; refused"))
        #expect(!page.text.contains("<script>"))
        #expect(login.logs.lines.contains { $0.contains("\"reason\":\"authorization_error\"") })
        #expect(!login.logs.lines.contains { $0.contains("script") }, "text from the redirect never reaches the log")
    }

    @Test func callbackWithoutALoginIsRefused() async throws {
        let provider = try FakeProvider()
        let app = DemoApp(configuration: try testConfiguration(issuer: provider.issuer), logger: Logger(sink: MemoryLogSink()),
                          random: SecureRandom())
        let page = await DemoBrowser(app: app).get("/callback?code=c&state=s&iss=\(provider.issuer)")
        #expect(page.status == 400 && page.text.contains("No login is in progress"))
    }

    @Test func discoveryFailureGivesAClearPageAndIsRetriedOnTheNextRequest() async throws {
        let port = freeLoopbackPort()
        var configuration = try testConfiguration(issuer: "http://127.0.0.1:\(port)")
        configuration.discoveryAttempts = 2
        let app = DemoApp(configuration: configuration, logger: Logger(sink: MemoryLogSink()), random: SecureRandom())
        let browser = DemoBrowser(app: app)
        let refused = await browser.get("/login")
        #expect(refused.status == 502 && refused.text.contains("Discovery failed"))
        #expect(refused.text.contains("connection refused"))
        let provider = try FakeProvider(port: port)
        let login = await browser.get("/login")
        #expect(login.status == 303 && login.headers["Location"]?.hasPrefix(provider.issuer + "/authorize?") == true)
    }
}
