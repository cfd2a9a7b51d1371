import Foundation
import GatewayTesting
import Testing

/// A real browser (headless Chromium driven by selenium from PyPI) on the real pages.
@Suite struct BrowserTests {
    @Test func chromiumRegistersADemoMemberLogsOutAndLogsIn() throws {
        let gateway = try RunningGateway()
        let shots = TemporaryDirectory(prefix: "screens")
        defer { shots.remove() }
        // Keep a copy of what the browser saw when asked to (BROWSER_SCREENSHOTS=dir).
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Tests/Browser/register_logout_login.py", "http://127.0.0.1:\(gateway.port)", "oostlezer",
                             "oost@example.org", "een lange zin als wachtwoord", shots.path]
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "browser script failed (chromium, chromium-driver and selenium are installed by make test): \(problems.prefix(1200))")
        let seen = try #require((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])
        // Chromium asks for English (Accept-Language: en-US), and gets it.
        #expect((seen["register_title"] as? String)?.hasPrefix("Create an account") == true)
        #expect((seen["labels"] as? [String])?.contains("card_secret") == true)
        #expect(seen["marketing_ticked_by_default"] as? Bool == false)
        #expect((seen["after_register"] as? String)?.contains("oostlezer") == true)
        #expect(seen["after_logout"] as? String == "You are logged out")
        #expect((seen["after_login"] as? String)?.contains("oostlezer") == true)
        #expect(seen["session_cookie_http_only"] as? Bool == true)
        #expect(FileManager.default.fileExists(atPath: shots.file("account.png")))
        if let keep = ProcessInfo.processInfo.environment["BROWSER_SCREENSHOTS"] {
            for name in ["register.png", "account.png", "login.png"] {
                try? FileManager.default.copyItem(atPath: shots.file(name), toPath: (keep as NSString).appendingPathComponent(name))
            }
        }
    }

    /// Single sign-on and single logout across two partner applications, each a real
    /// `gateway demo-app` process on its policy's port (8090 reading-tipper, 8091 e-books):
    /// login form and consent at the first, consent only at the second (OIDC Core §3.1.2.3:
    /// the gateway session authenticates), RP-initiated logout at the first ends the
    /// gateway session for both, and the first receives a back-channel logout token.
    @Test func twoApplicationsShareOneLoginAndOneLogout() throws {
        let gateway = try RunningGateway(policies: RunningGateway.demoPolicies, backchannelLogout: true)
        let issuer = "http://127.0.0.1:\(gateway.port)"
        let tipper = try DemoAppProcess(policy: "Policies/reading-tipper.json", issuer: issuer,
                                        clientSecretFile: gateway.directory.file("secrets/reading-tipper.secret"))
        let books = try DemoAppProcess(policy: "Policies/e-books.json", issuer: issuer)
        defer { tipper.stop(); books.stop() }
        let shots = TemporaryDirectory(prefix: "screens")
        defer { shots.remove() }
        let seen = try ScriptFacts(runPythonScript("Tests/Browser/sso_two_apps.py",
                                                   [issuer, "http://127.0.0.1:8090", "http://127.0.0.1:8091", shots.path]))
        expectSingleSignOn(seen)
        expectSingleLogout(seen)
        // OIDC Back-Channel Logout 1.0 §2.5: A got a logout token and accepted it (it answers 200 only to a valid one).
        #expect(tipper.lines.waitUntil { lines in lines.contains { $0.contains(#""event":"demo_backchannel_logout""#) } })
        #expect(tipper.events("demo_backchannel_logout_refused").isEmpty)
        #expect(books.events("demo_backchannel_logout").isEmpty)
        if let keep = ProcessInfo.processInfo.environment["BROWSER_SCREENSHOTS"] {
            for name in ["consent-a.png", "app-a.png", "consent-b.png", "app-b.png", "logout-a.png", "login-b.png"] {
                try? FileManager.default.copyItem(atPath: shots.file(name), toPath: (keep as NSString).appendingPathComponent(name))
            }
        }
    }

    /// A (reading-tipper): login form, consent naming username and e-mail with the purpose.
    /// B (e-books): no login form, consent without contact data, nothing personal released.
    private func expectSingleSignOn(_ seen: ScriptFacts) {
        let contact: Set<String> = ["preferred_username", "email", "email_verified"]
        #expect(seen.bool("a_login_form") == true)
        #expect(seen.strings("a_consent_claims")?.count == 4 && seen.bool("a_consent_purpose") == true)
        #expect(seen.string("a_status") == "You are logged in with My Library.")
        #expect(seen.names("a_id-token-claims").map { contact.isSubset(of: $0) } == true)
        #expect(seen.names("a_userinfo-claims") == Set(["sub", "mylibrary_id", "library"]).union(contact))
        #expect(seen.string("b_first_gateway_page") == "/authorize")
        #expect(seen.bool("b_login_form") == false)
        #expect(seen.strings("b_consent_claims")?.count == 2 && seen.bool("b_consent_purpose") == false)
        #expect(seen.string("b_status") == "You are logged in with My Library.")
        #expect(seen.string("b_contact") == "username and e-mail: not received")
        for table in ["b_id-token-claims", "b_userinfo-claims", "b_access-token-claims"] {
            #expect(seen.names(table).map { $0.isDisjoint(with: contact) && $0.contains("mylibrary_id") } == true, "\(table)")
        }
    }

    /// Logout at A brings the browser back to A with A's state; the gateway session is gone,
    /// so B's next login shows the gateway's login form. e-books registers no back-channel
    /// logout URI, so only its own cookie still says "logged in" there.
    private func expectSingleLogout(_ seen: ScriptFacts) {
        #expect(seen.bool("a_after_logout_url_has_state") == true)
        #expect(seen.string("a_logout_result")?.contains("the state returned by the gateway matched") == true)
        #expect(seen.string("a_status_after_logout")?.hasPrefix("You are not logged in.") == true)
        #expect(seen.strings("gateway_cookies_after_logout") == [])
        #expect(seen.bool("b_login_form_after_logout") == true)
        #expect(seen.string("b_status_after_logout") == "You are logged in with My Library.")
    }
}
