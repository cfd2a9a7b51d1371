import Foundation
import GatewayCore
import GatewayDemoApp
import GatewayTesting
import Synchronization

/// A clock whose monotonic reading moves `step` seconds on every read (and on `advance`),
/// so ordering in the session store never depends on real time.
final class SteppingClock: Clock {
    private let reading = Mutex<Double>(1000)
    private let step: Double

    init(step: Double = 1) { self.step = step }

    func now() -> Instant { Instant(secondsSinceEpoch: SystemClock().now().secondsSinceEpoch) }

    func monotonicSeconds() -> Double { reading.withLock { $0 += step; return $0 } }

    func advance(_ seconds: Double) { reading.withLock { $0 += seconds } }
}

/// `Policies/` of this package.
let demoPoliciesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Policies").path

/// A configuration for the e-books (public) or reading-tipper (confidential) demo policy
/// against `issuer`, tuned for tests: one discovery attempt, short timeouts, port 0.
func testConfiguration(issuer: String, confidential: Bool = false) throws -> DemoAppConfiguration {
    let directory = TemporaryDirectory(prefix: "demo-app-test")
    defer { directory.remove() }
    var secretFile: String?
    if confidential {
        secretFile = directory.file("reading-tipper.secret")
        try "s3cret: with/odd+chars\n".write(toFile: secretFile!, atomically: true, encoding: .utf8)
    }
    var configuration = try DemoAppConfiguration.load(
        policyFile: demoPoliciesDirectory + (confidential ? "/reading-tipper.json" : "/e-books.json"), issuer: issuer,
        clientSecretFile: secretFile, host: nil)
    configuration.port = 0
    configuration.discoveryAttempts = 1
    configuration.discoveryRetrySeconds = 0
    configuration.outboundTimeoutSeconds = 5
    return configuration
}
