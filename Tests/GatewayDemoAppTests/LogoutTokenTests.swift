import GatewayCore
import GatewayCrypto
import GatewayDemoApp
import GatewayHTTP
import GatewayJOSE
import Testing

/// An e-books demo app with one logged-in session (sub and sid of the fake provider).
private struct LoggedInApp {
    let provider: FakeProvider
    let app: DemoApp
    let session: DemoSession

    init(sid: String? = nil, clock: any Clock = SystemClock()) throws {
        provider = try FakeProvider()
        app = DemoApp(configuration: try testConfiguration(issuer: provider.issuer), logger: Logger(sink: MemoryLogSink()),
                      clock: clock, random: SecureRandom())
        var session = app.sessions.create()
        session.login = LoginResult(idToken: "id", idTokenClaims: [:], subject: provider.backend.subject,
                                    sessionID: sid ?? provider.backend.sid, accessToken: "at", refreshToken: nil)
        app.sessions.update(session)
        self.session = session
    }

    func deliver(_ token: String) async -> HTTPResponse {
        await DemoBrowser(app: app).post("/backchannel-logout", [("logout_token", token)])
    }

    var sessionEnded: Bool { app.sessions.session(session.id) == nil }
}

@Suite struct LogoutTokenTests {
    @Test func validLogoutTokenEndsTheSession() async throws {
        let fixture = try LoggedInApp()
        let response = await fixture.deliver(try fixture.provider.logoutToken(audience: "e-books"))
        #expect(response.status == 200)
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(fixture.sessionEnded)
    }

    @Test func logoutTokenWithOnlySubEndsEverySessionOfThatSubject() async throws {
        let fixture = try LoggedInApp(sid: "another-gateway-session")
        let response = await fixture.deliver(try fixture.provider.logoutToken(audience: "e-books", changes: ["sid": .null]))
        #expect(response.status == 200 && fixture.sessionEnded)
    }

    @Test func logoutTokenForAnotherSessionLeavesThisOne() async throws {
        let fixture = try LoggedInApp(sid: "another-gateway-session")
        #expect(await fixture.deliver(try fixture.provider.logoutToken(audience: "e-books")).status == 200)
        #expect(!fixture.sessionEnded)
    }

    @Test(arguments: [
        ("nonce present", ["nonce": JSONValue.string("n-1")]),
        ("events missing", ["events": .null]),
        ("events without the logout member", ["events": .object(["http://example.org/other": .object([:])])]),
        ("wrong aud", ["aud": .string("reading-tipper")]),
        ("wrong iss", ["iss": .string("http://127.0.0.1:1")]),
        ("expired", ["exp": .number(1_000_000_000)]),
        ("iat missing", ["iat": .null]),
        ("neither sub nor sid", ["sub": .null, "sid": .null]),
    ])
    func invalidClaimsAreRefused(_ label: String, _ changes: [String: JSONValue]) async throws {
        let fixture = try LoggedInApp()
        let response = await fixture.deliver(try fixture.provider.logoutToken(audience: "e-books", changes: changes))
        #expect(response.status == 400, "\(label)")
        #expect(response.text == "{\"error\":\"invalid_request\"}", "\(label)")
        #expect(!fixture.sessionEnded, "\(label)")
    }

    @Test func badSignatureIsRefused() async throws {
        let fixture = try LoggedInApp()
        let stranger = try SigningKey.generate(.rs256)
        let forged = try fixture.provider.logoutToken(audience: "e-books", key: stranger)
        #expect(await fixture.deliver(forged).status == 400)
        let token = try fixture.provider.logoutToken(audience: "e-books")
        let parts = token.split(separator: ".")
        let tampered = parts[0] + "." + Base64URL.encode(Array("{\"sub\":\"x\"}".utf8)) + "." + parts[2]
        #expect(await fixture.deliver(String(tampered)).status == 400)
        #expect(!fixture.sessionEnded)
    }

    @Test func wrongTypeAndAlgorithmAreRefused() async throws {
        let fixture = try LoggedInApp()
        #expect(await fixture.deliver(try fixture.provider.logoutToken(audience: "e-books", type: "JWT")).status == 400)
        let ecKey = try SigningKey.generate(.es256)
        fixture.provider.backend.publish([JSONWebKey(key: fixture.provider.key.publicKey, keyID: fixture.provider.keyID),
                                          JSONWebKey(key: ecKey.publicKey, keyID: "ec-key")])
        let otherAlgorithm = try fixture.provider.logoutToken(audience: "e-books", key: ecKey, keyID: "ec-key")
        #expect(await fixture.deliver(otherAlgorithm).status == 400, "e-books' ID tokens are RS256: so are its logout tokens")
        #expect(!fixture.sessionEnded)
    }

    @Test func malformedRequestsAreRefused() async throws {
        let fixture = try LoggedInApp()
        let browser = DemoBrowser(app: fixture.app)
        let token = try fixture.provider.logoutToken(audience: "e-books")
        #expect(await browser.post("/backchannel-logout", []).status == 400)
        #expect(await browser.post("/backchannel-logout", [("logout_token", token), ("logout_token", token)]).status == 400)
        #expect(await browser.send("POST", "/backchannel-logout", headers: ["Content-Type": "application/json"],
                             body: Array("{\"logout_token\":\"\(token)\"}".utf8)).status == 400)
        #expect(await browser.get("/backchannel-logout").status == 405)
        #expect(!fixture.sessionEnded)
    }

    @Test func keyRotationIsPickedUpByRefetchingTheJWKS() async throws {
        // Each clock reading is 20 s later, so the refetch rate limit (10 s) never holds the new key back.
        let fixture = try LoggedInApp(sid: "another-gateway-session", clock: SteppingClock(step: 20))
        #expect(await fixture.deliver(try fixture.provider.logoutToken(audience: "e-books")).status == 200)  // JWKS now cached
        let rotated = try SigningKey.generate(.rs256)
        fixture.provider.backend.publish([JSONWebKey(key: rotated.publicKey, keyID: "fake-key-2")])
        let token = try fixture.provider.logoutToken(audience: "e-books", changes: ["sid": .null], key: rotated, keyID: "fake-key-2")
        #expect(await fixture.deliver(token).status == 200)
        #expect(fixture.sessionEnded)
    }
}
