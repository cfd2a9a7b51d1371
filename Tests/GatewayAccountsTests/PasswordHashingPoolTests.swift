import Dispatch
import Foundation
import GatewayCrypto
import Synchronization
import Testing

/// The bounded Argon2id pool: real hashing, the dummy verification, and saturation
/// (driven by a hasher the test holds inside a slot, never by timing).
@Suite(.serialized) struct PasswordHashingPoolTests {
    static let owasp = Argon2id(parameters: .owaspMinimum)

    @Test func hashVerifiesAndAWrongPasswordDoesNot() throws {
        let pool = PasswordHashingPool(hasher: Self.owasp)
        let phc = try pool.hash(password: "Mijn fiets is blauw!")
        #expect(phc.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(try pool.verify(password: "Mijn fiets is blauw!", encoded: phc) == .match(upgradedHash: nil))
        #expect(try pool.verify(password: "Mijn fiets is groen!", encoded: phc) == .mismatch)
    }

    @Test func matchWithOutdatedParametersComesWithAnUpgradedHash() throws {
        let old = try PasswordHashingPool(hasher: Self.owasp).hash(password: "Mijn fiets is blauw!")
        let parameters = Argon2Parameters(memoryKiB: 19_456, iterations: 3, parallelism: 1)
        let stronger = PasswordHashingPool(hasher: Argon2id(parameters: parameters))
        guard case .match(let upgraded?) = try stronger.verify(password: "Mijn fiets is blauw!", encoded: old) else {
            Issue.record("expected a match with an upgraded hash")
            return
        }
        #expect(upgraded.hasPrefix("$argon2id$v=19$m=19456,t=3,p=1$"))
        #expect(try stronger.verify(password: "Mijn fiets is blauw!", encoded: upgraded) == .match(upgradedHash: nil))
        #expect(try stronger.verify(password: "Mijn fiets is rood!", encoded: old) == .mismatch, "no upgrade without a match")
    }

    @Test func equivalentUnicodeFormsOfAPasswordVerify() throws {
        let pool = PasswordHashingPool(hasher: Self.owasp)
        let phc = try pool.hash(password: "Café ｕｉｔｚｉｃｈｔ")
        #expect(try pool.verify(password: "Cafe\u{301} uitzicht", encoded: phc).matches)
    }

    @Test func unknownAccountRunsOneRealArgon2VerificationWithTheCurrentParameters() throws {
        let hasher = PasswordRecordingHasher(wrapping: Self.owasp)
        let pool = PasswordHashingPool(hasher: hasher)
        #expect(try pool.verifyOrDummy(password: "Mijn fiets is blauw!", encoded: nil) == .mismatch)
        let verified = hasher.verified
        #expect(verified.count == 1)
        #expect(verified.first?.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$") == true, "same cost as a real account")
        #expect(try Self.owasp.verify(password: "", encoded: try #require(verified.first)) == false, "a well-formed hash")
    }

    @Test func existingAccountIsVerifiedAgainstItsOwnHash() throws {
        let pool = PasswordHashingPool(hasher: Self.owasp)
        let phc = try pool.hash(password: "Mijn fiets is blauw!")
        #expect(try pool.verifyOrDummy(password: "Mijn fiets is blauw!", encoded: phc).matches)
        #expect(try pool.verifyOrDummy(password: "Mijn fiets is groen!", encoded: phc) == .mismatch)
    }

    @Test func malformedStoredHashIsAnErrorNotAMismatch() {
        let pool = PasswordHashingPool(hasher: Self.owasp)
        #expect(throws: PasswordHashingPoolError.self) { try pool.verify(password: "x", encoded: "$2b$12$notargon") }
    }

    @Test func saturatedPoolRefusesAtOnceAndWorksAgainAfterwards() throws {
        let hasher = PasswordGatedHasher()
        let pool = PasswordHashingPool(hasher: hasher, slots: 2, maxWaiting: 0, retryAfterSeconds: 3)
        let holders = PasswordPoolCallers()
        holders.start(2) { try pool.hash(password: "held") }
        try #require(passwordEventually { pool.busySlots == 2 })

        #expect(throws: PasswordHashingPoolError.saturated(retryAfterSeconds: 3)) { try pool.hash(password: "refused") }
        #expect(throws: PasswordHashingPoolError.saturated(retryAfterSeconds: 3)) {
            try pool.verifyOrDummy(password: "refused", encoded: nil)
        }
        #expect(hasher.calls == 2, "a refused call never reaches the hasher")

        hasher.open()
        #expect(holders.finish() == ["hash", "hash"])
        #expect(try pool.hash(password: "after") == "hash")
        #expect(pool.busySlots == 0 && pool.waitingCallers == 0)
    }

    @Test func queuedCallerGetsTheNextFreeSlotAndTheQueueIsBounded() throws {
        let hasher = PasswordGatedHasher()
        let pool = PasswordHashingPool(hasher: hasher, slots: 1, maxWaiting: 1, maxWaitSeconds: 30)
        let holder = PasswordPoolCallers()
        holder.start(1) { try pool.hash(password: "held") }
        try #require(passwordEventually { pool.busySlots == 1 })
        let queued = PasswordPoolCallers()
        queued.start(1) { try pool.hash(password: "queued") }
        try #require(passwordEventually { pool.waitingCallers == 1 })

        #expect(throws: PasswordHashingPoolError.saturated(retryAfterSeconds: 1)) { try pool.hash(password: "third") }
        hasher.open()
        #expect(holder.finish() == ["hash"])
        #expect(queued.finish() == ["hash"], "the queued caller got the freed slot")
    }

    @Test func queuedCallerGivesUpAfterTheBoundedWait() throws {
        let hasher = PasswordGatedHasher()
        let pool = PasswordHashingPool(hasher: hasher, slots: 1, maxWaiting: 1, maxWaitSeconds: 0.02)
        let holder = PasswordPoolCallers()
        holder.start(1) { try pool.hash(password: "held") }
        try #require(passwordEventually { pool.busySlots == 1 })

        #expect(throws: PasswordHashingPoolError.saturated(retryAfterSeconds: 1)) { try pool.hash(password: "waits") }
        #expect(pool.waitingCallers == 0)
        hasher.open()
        #expect(holder.finish() == ["hash"])
    }

    @Test func defaultPoolHasOneSlotPerCoreAndASmallQueue() {
        let pool = PasswordHashingPool(hasher: Self.owasp)
        #expect(pool.slots == ProcessInfo.processInfo.activeProcessorCount)
        #expect((1...pool.slots).contains(pool.maxWaiting))
    }
}
