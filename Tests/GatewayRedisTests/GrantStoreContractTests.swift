import Dispatch
import GatewayCore
import GatewayOAuth
import GatewayTesting
import Synchronization
import Testing

/// What every `GrantStore` promises about refresh-token rotation (RFC 9700 §4.14.2, RFC
/// 6819 §5.2.2.3), checked against the in-memory and the Redis store.
@Suite struct GrantStoreContractTests {
    @Test(arguments: OAuthBackend.allCases)
    func rotationMakesTheSuccessorCurrentAndRetiresThePresentedToken(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let grant = harness.grant()
        let first = OAuthStoreHarness.token()
        let second = OAuthStoreHarness.token()
        try harness.start(grant, refreshToken: first, jti: "at-1")
        #expect(try harness.grants.grant(refreshTokenHash: first.hash, at: harness.now) == grant)

        harness.clock.advance(by: 10)
        #expect(try harness.rotate(first, into: second, jti: "at-2") == .rotated(grant))
        #expect(try harness.grants.grant(refreshTokenHash: second.hash, at: harness.now) == grant)
        #expect(try harness.grants.grant(refreshTokenHash: first.hash, at: harness.now) == nil, "retired")
        #expect(try harness.isActive("at-1") && harness.isActive("at-2"))
    }

    @Test(arguments: OAuthBackend.allCases)
    func reusedRefreshTokenRevokesTheWholeFamily(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let tokens = (0..<4).map { _ in OAuthStoreHarness.token() }
        try harness.start(harness.grant(), refreshToken: tokens[0], jti: "at-1")
        #expect(try harness.rotate(tokens[0], into: tokens[1], jti: "at-2") != .invalid)

        #expect(try harness.rotate(tokens[0], into: tokens[2], jti: "at-3") == .reused)
        #expect(try harness.rotate(tokens[1], into: tokens[3]) == .invalid, "the successor died with the family")
        #expect(try harness.grants.grant(refreshTokenHash: tokens[1].hash, at: harness.now) == nil)
        for jti in ["at-1", "at-2", "at-3"] { #expect(try !harness.isActive(jti), "\(jti)") }
        #expect(try harness.rotate(tokens[0], into: tokens[3]) == .invalid, "nothing left to revoke")
    }

    @Test(arguments: OAuthBackend.allCases)
    func retryWithinTheGraceWindowGetsTheSameSuccessorAndRevokesNothing(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let grant = harness.grant()
        let tokens = (0..<4).map { _ in OAuthStoreHarness.token() }
        try harness.start(grant, refreshToken: tokens[0], jti: "at-1")
        #expect(try harness.rotate(tokens[0], into: tokens[1], jti: "at-2", graceSeconds: 10) == .rotated(grant))

        harness.clock.advance(by: 9)
        let retried = try harness.rotate(tokens[0], into: tokens[2], jti: "at-3", graceSeconds: 10)
        #expect(retried == .retried(grant, successor: tokens[1]))
        #expect(try harness.isActive("at-1") && harness.isActive("at-2") && harness.isActive("at-3"))
        #expect(try harness.grants.grant(refreshTokenHash: tokens[2].hash, at: harness.now) == nil, "never issued")
        #expect(try harness.rotate(tokens[1], into: tokens[3], graceSeconds: 10) == .rotated(grant))
    }

    @Test(arguments: OAuthBackend.allCases)
    func retryAtTheEndOfTheGraceWindowRevokes(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let tokens = (0..<3).map { _ in OAuthStoreHarness.token() }
        try harness.start(harness.grant(), refreshToken: tokens[0], jti: "at-1")
        #expect(try harness.rotate(tokens[0], into: tokens[1], jti: "at-2", graceSeconds: 10) != .invalid)

        harness.clock.advance(by: 10)
        #expect(try harness.rotate(tokens[0], into: tokens[2], graceSeconds: 10) == .reused)
        #expect(try harness.rotate(tokens[1], into: tokens[2], graceSeconds: 10) == .invalid)
        #expect(try !harness.isActive("at-2"))
    }

    @Test(arguments: OAuthBackend.allCases)
    func windowTurnedOnAfterARotationDoesNotReachIt(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let tokens = (0..<3).map { _ in OAuthStoreHarness.token() }
        try harness.start(harness.grant(), refreshToken: tokens[0], jti: "at-1")
        #expect(try harness.rotate(tokens[0], into: tokens[1], jti: "at-2", graceSeconds: 0) != .invalid)

        harness.clock.advance(by: 1)
        #expect(try harness.rotate(tokens[0], into: tokens[2], graceSeconds: 10) == .reused, "no successor was kept for a retry")
        #expect(try harness.rotate(tokens[1], into: tokens[2], graceSeconds: 10) == .invalid)
    }

    @Test(arguments: OAuthBackend.allCases)
    func retryOfATokenWhoseSuccessorWasAlreadyUsedRevokes(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let tokens = (0..<4).map { _ in OAuthStoreHarness.token() }
        try harness.start(harness.grant(), refreshToken: tokens[0], jti: "at-1")
        #expect(try harness.rotate(tokens[0], into: tokens[1], graceSeconds: 10) != .invalid)
        #expect(try harness.rotate(tokens[1], into: tokens[2], graceSeconds: 10) != .invalid)

        #expect(try harness.rotate(tokens[0], into: tokens[3], graceSeconds: 10) == .reused, "its successor is retired too")
        #expect(try harness.rotate(tokens[2], into: tokens[3], graceSeconds: 10) == .invalid)
    }

    @Test(arguments: OAuthBackend.allCases)
    func concurrentUsesOfOneTokenRotateOnceAndRetryTheRest(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let grant = harness.grant()
        let first = OAuthStoreHarness.token()
        try harness.start(grant, refreshToken: first, jti: "at-0")
        let successors = (0..<6).map { _ in OAuthStoreHarness.token() }
        let outcomes = Mutex<[RotationOutcome]>([])
        DispatchQueue.concurrentPerform(iterations: successors.count) { index in
            let outcome = try? harness.rotate(first, into: successors[index], graceSeconds: 10)
            outcomes.withLock { $0.append(outcome ?? .invalid) }
        }

        let all = outcomes.withLock { $0 }
        let current = try successors.filter { try harness.grants.grant(refreshTokenHash: $0.hash, at: harness.now) != nil }
        let winner = try #require(current.first)
        #expect(current.count == 1)
        #expect(all.filter { $0 == .rotated(grant) }.count == 1)
        #expect(all.filter { $0 == .retried(grant, successor: winner) }.count == successors.count - 1)
    }

    @Test(arguments: OAuthBackend.allCases)
    func anotherClientsTokenIsInvalidAndRevokesNothing(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let grant = harness.grant()
        let tokens = (0..<4).map { _ in OAuthStoreHarness.token() }
        try harness.start(grant, refreshToken: tokens[0], jti: "at-1")

        #expect(try harness.rotate(tokens[0], into: tokens[1], clientID: "e-books") == .invalid)
        #expect(try harness.isActive("at-1"))
        #expect(try harness.rotate(tokens[0], into: tokens[2], jti: "at-2") == .rotated(grant))
        #expect(try harness.rotate(tokens[0], into: tokens[3], clientID: "e-books") == .invalid, "retired, other client")
        #expect(try harness.isActive("at-2"))
        #expect(try harness.rotate(tokens[2], into: tokens[3]) == .rotated(grant))
    }

    @Test(arguments: OAuthBackend.allCases)
    func refreshTokenUnusedForTheIdleTimeoutEndsTheGrant(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let grant = harness.grant(absoluteSeconds: 10_000)
        let tokens = (0..<3).map { _ in OAuthStoreHarness.token() }
        try harness.start(grant, refreshToken: tokens[0], jti: "at-1")

        harness.clock.advance(by: 599)
        #expect(try harness.rotate(tokens[0], into: tokens[1]) == .rotated(grant), "599 s unused")
        harness.clock.advance(by: 599)
        #expect(try harness.grants.grant(refreshTokenHash: tokens[1].hash, at: harness.now) == grant)
        harness.clock.advance(by: 1)
        #expect(try harness.grants.grant(refreshTokenHash: tokens[1].hash, at: harness.now) == nil, "600 s unused")
        #expect(try harness.rotate(tokens[1], into: tokens[2]) == .invalid)
        #expect(try harness.rotate(tokens[0], into: tokens[2]) == .invalid, "the grant is gone: nothing to revoke")
    }

    @Test(arguments: OAuthBackend.allCases)
    func rotationNeverPassesTheAbsoluteEnd(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let grant = harness.grant()
        let tokens = (0..<4).map { _ in OAuthStoreHarness.token() }
        try harness.start(grant, refreshToken: tokens[0], jti: "at-1")

        harness.clock.advance(by: 500)
        #expect(try harness.rotate(tokens[0], into: tokens[1]) == .rotated(grant))
        harness.clock.advance(by: 499)
        #expect(try harness.rotate(tokens[1], into: tokens[2]) == .rotated(grant), "999 s after the start")
        harness.clock.advance(by: 1)
        #expect(try harness.grants.grant(refreshTokenHash: tokens[2].hash, at: harness.now) == nil)
        #expect(try harness.rotate(tokens[2], into: tokens[3]) == .invalid, "1000 s: the absolute end")
    }
}
