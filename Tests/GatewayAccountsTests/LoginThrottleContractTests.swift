import GatewayAccounts
import Testing

/// What every `LoginThrottle` promises, checked against the in-memory and the Redis one.
@Suite struct LoginThrottleContractTests {
    @Test(arguments: LoginThrottleBackend.allCases)
    func accountIsLockedOutAtTheThreshold(backend: LoginThrottleBackend) throws {
        let harness = try LoginThrottleHarness(backend)
        #expect(try harness.fail("anna", from: "192.0.2.1", times: 2) == .allowed)
        #expect(try harness.throttle.check(account: "anna", ip: "192.0.2.1") == .allowed)
        #expect(try harness.fail("anna", from: "192.0.2.1") == .lockedOut(retryAfter: 10))
        #expect(try harness.throttle.check(account: "anna", ip: "192.0.2.1") == .lockedOut(retryAfter: 10))
        #expect(try harness.throttle.check(account: "bram", ip: "192.0.2.1") == .allowed, "the address is below its threshold")
    }

    @Test(arguments: LoginThrottleBackend.allCases)
    func lockoutEndsByItself(backend: LoginThrottleBackend) throws {
        let harness = try LoginThrottleHarness(backend)
        try harness.fail("anna", from: "192.0.2.1", times: 3)
        harness.clock.advance(by: 9.5)
        #expect(try harness.throttle.check(account: "anna", ip: "192.0.2.1") == .lockedOut(retryAfter: 1), "rounded up")
        harness.clock.advance(by: 0.5)
        #expect(try harness.throttle.check(account: "anna", ip: "192.0.2.1") == .allowed)
    }

    @Test(arguments: LoginThrottleBackend.allCases)
    func lockoutDoublesWithEachFurtherFailureUpToTheCap(backend: LoginThrottleBackend) throws {
        let harness = try LoginThrottleHarness(backend)
        var lockouts: [ThrottleDecision] = [try harness.fail("anna", from: "192.0.2.1", times: 3)]
        for seconds in [10.0, 20, 40] {
            harness.clock.advance(by: seconds)
            lockouts.append(try harness.fail("anna", from: "198.51.100.\(Int(seconds))"))
        }
        #expect(lockouts == [10, 20, 40, 40].map { .lockedOut(retryAfter: $0) })
    }

    @Test(arguments: LoginThrottleBackend.allCases)
    func failuresOutsideTheWindowAreForgotten(backend: LoginThrottleBackend) throws {
        let harness = try LoginThrottleHarness(backend)
        try harness.fail("anna", from: "192.0.2.1", times: 2)
        harness.clock.advance(by: 100)
        #expect(try harness.fail("anna", from: "192.0.2.1", times: 2) == .allowed, "counting starts again")
        #expect(try harness.fail("anna", from: "192.0.2.1") == .lockedOut(retryAfter: 10))
    }

    @Test(arguments: LoginThrottleBackend.allCases)
    func successResetsTheAccountCounterButNotTheAddressCounter(backend: LoginThrottleBackend) throws {
        let harness = try LoginThrottleHarness(backend)
        try harness.fail("anna", from: "192.0.2.1", times: 2)
        try harness.throttle.recordSuccess(account: "anna")
        #expect(try harness.fail("anna", from: "192.0.2.1", times: 2) == .allowed, "anna's counter restarted")

        // The address has seen 4 failures; a successful login did not clear them.
        #expect(try harness.fail("bram", from: "192.0.2.1", times: 2) == .lockedOut(retryAfter: 10))
        #expect(try harness.throttle.check(account: "carla", ip: "192.0.2.1") == .lockedOut(retryAfter: 10))
        #expect(try harness.throttle.check(account: "anna", ip: "203.0.113.9") == .allowed)
    }

    @Test(arguments: LoginThrottleBackend.allCases)
    func sprayingManyAccountsFromOneAddressLocksTheAddress(backend: LoginThrottleBackend) throws {
        let harness = try LoginThrottleHarness(backend)
        let decisions = try (1...6).map { try harness.fail("patron\($0)", from: "192.0.2.66") }
        #expect(decisions == Array(repeating: .allowed, count: 5) + [.lockedOut(retryAfter: 10)])
        #expect(try harness.throttle.check(account: "patron99", ip: "192.0.2.66") == .lockedOut(retryAfter: 10))
        #expect(try harness.throttle.check(account: "patron99", ip: "192.0.2.67") == .allowed)
    }

    @Test(arguments: LoginThrottleBackend.allCases)
    func accountLockHoldsWhicheverAddressTriesIt(backend: LoginThrottleBackend) throws {
        let harness = try LoginThrottleHarness(backend)
        for host in 1...3 { try harness.fail("anna", from: "192.0.2.\(host)") }
        #expect(try harness.throttle.check(account: "anna", ip: "203.0.113.200") == .lockedOut(retryAfter: 10))
    }
}
