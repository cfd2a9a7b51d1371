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
}
