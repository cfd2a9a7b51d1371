import Foundation
import GatewayCrypto
import GatewayTokens
import Testing

private let t0 = Date(timeIntervalSince1970: 1_800_000_000)

private func entry(_ kid: String, activate: TimeInterval, retired: TimeInterval? = nil, alg: SignatureAlgorithm = .es256) -> KeyManifest.Entry {
    KeyManifest.Entry(kid: kid, alg: alg, state: .published, file: "\(kid).pem", createdAt: t0,
                      activateAt: t0.addingTimeInterval(activate), retiredAt: retired.map { t0.addingTimeInterval($0) })
}

@Suite struct KeyLifecycleTests {
    let manifest = KeyManifest(keys: [
        entry("old", activate: 0, retired: 10_000), entry("current", activate: 1000), entry("next", activate: 5000),
        entry("rsa", activate: 0, alg: .rs256),
    ])

    @Test(arguments: [
        (500.0, ["old": KeyState.active, "current": .published, "next": .published]),
        (1000.0, ["old": .published, "current": .active, "next": .published]),
        (5000.0, ["old": .published, "current": .published, "next": .active]),
        (10_000.0, ["old": .retired, "current": .published, "next": .active]),
    ])
    func statesFollowTheTimestamps(offset: TimeInterval, expected: [String: KeyState]) {
        let now = t0.addingTimeInterval(offset)
        for (kid, state) in expected {
            let key = manifest.keys.first { $0.kid == kid }!
            #expect(KeyLifecycle.state(of: key, in: manifest, at: now) == state, "\(kid) at +\(offset)")
        }
    }

    @Test func eachAlgorithmHasItsOwnActiveKey() {
        let now = t0.addingTimeInterval(2000)
        #expect(KeyLifecycle.active(for: .es256, in: manifest, at: now)?.kid == "current")
        #expect(KeyLifecycle.active(for: .rs256, in: manifest, at: now)?.kid == "rsa")
        #expect(KeyLifecycle.active(for: .edDSA, in: manifest, at: now) == nil)
    }

    @Test func deactivationIsTheSuccessorsActivation() {
        #expect(KeyLifecycle.deactivation(of: manifest.keys[1], in: manifest) == t0.addingTimeInterval(5000))
        #expect(KeyLifecycle.deactivation(of: manifest.keys[2], in: manifest) == nil)
    }

    @Test func nextChangeIsTheEarliestFutureTimestamp() {
        #expect(KeyLifecycle.nextChange(in: manifest, after: t0.addingTimeInterval(1500)) == t0.addingTimeInterval(5000))
    }

    /// `keys generate` and `keys rotate --publish-for 0` within one second: the manifest's
    /// whole-second timestamps tie, and the later entry takes over.
    @Test func aKeyRotatedWithinTheSameSecondTakesOver() {
        let tied = KeyManifest(keys: [entry("first", activate: 0), entry("second", activate: 0)])
        #expect(KeyLifecycle.active(for: .es256, in: tied, at: t0)?.kid == "second")
        #expect(KeyLifecycle.state(of: tied.keys[0], in: tied, at: t0) == .published)
        #expect(KeyLifecycle.deactivation(of: tied.keys[0], in: tied) == t0)
        #expect(KeyLifecycle.deactivation(of: tied.keys[1], in: tied) == nil)
    }
}
