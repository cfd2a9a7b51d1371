import GatewayAccounts
import Synchronization
import Testing

@Suite struct LibrarySystemCachingTests {
    private let fake = LibrarySystemFake()
    private let clock = LibrarySystemTestClock(utc: "2026-01-15T10:00:00Z")

    private func caching(ttl: Double = 600) -> CachingLibrarySystem {
        CachingLibrarySystem(wrapping: fake, clock: clock, membershipTTL: ttl, librariesTTL: 300)
    }

    @Test func stillValidIsReusedWithinTheTTL() throws {
        let system = caching()
        #expect(try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001"))
        clock.advance(by: 599)
        #expect(try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001"))
        #expect(fake.callCount("stillValid") == 1)
    }

    @Test func stillValidIsAskedAgainAfterTheTTL() throws {
        let system = caching()
        _ = try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001")
        clock.advance(by: 600)
        fake.answers.withLock { $0.stillValid = false }
        #expect(try !system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001"))
        #expect(fake.callCount("stillValid") == 2)
    }

    @Test func endedMembershipIsNotCached() throws {
        let system = caching()
        fake.answers.withLock { $0.stillValid = false }
        #expect(try !system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001"))
        fake.answers.withLock { $0.stillValid = true }
        #expect(try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001"))
        #expect(fake.callCount("stillValid") == 2)
    }

    @Test func membersAreCachedSeparately() throws {
        let system = caching()
        _ = try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001")
        _ = try system.isMemberStillValid(library: "bibliotheek-zuid", memberReference: "N100001")
        _ = try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100002")
        #expect(fake.callCount("stillValid") == 3)
    }

    @Test func validVerificationCountsAsFreshStillValid() throws {
        let system = caching()
        _ = try system.verifyMembership(library: "bibliotheek-noord", cardNumber: "20001000000001", secret: "1234")
        _ = try system.verifyMembership(library: "bibliotheek-noord", cardNumber: "20001000000001", secret: "1234")
        #expect(try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001"))
        #expect(fake.callCount("verify") == 2)
        #expect(fake.callCount("stillValid") == 0)
    }

    @Test func unavailableSystemFailsClosedOnceTheCacheExpired() throws {
        let system = caching()
        _ = try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001")
        fake.answers.withLock { $0.unavailable = true }
        #expect(try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001"))
        clock.advance(by: 601)
        #expect(throws: LibrarySystemError.unavailable(reason: "fake is down")) {
            try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001")
        }
    }

    @Test func libraryListIsCachedForItsOwnTTL() throws {
        let system = caching()
        _ = try system.libraries()
        clock.advance(by: 299)
        _ = try system.libraries()
        #expect(fake.callCount("libraries") == 1)
        clock.advance(by: 1)
        _ = try system.libraries()
        #expect(fake.callCount("libraries") == 2)
    }

    @Test func fullCacheDropsExpiredEntriesFirst() throws {
        let system = CachingLibrarySystem(wrapping: fake, clock: clock, membershipTTL: 600, maximumEntries: 2)
        _ = try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N1")
        clock.advance(by: 601)
        _ = try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N2")
        _ = try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N3")
        _ = try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N2")
        #expect(fake.callCount("stillValid") == 3)
    }
}
