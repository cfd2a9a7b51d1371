import GatewayAccounts
import GatewayCore
import GatewayRedis
import GatewayTesting
import Testing

/// What only the Redis throttle can show: its keys, their TTLs, sharing between nodes and
/// failing closed.
@Suite struct LoginThrottleRedisTests {
    @Test func redisKeysAndValuesNameNeitherTheAccountNorTheAddress() throws {
        let harness = try LoginThrottleHarness(.redis)
        let redis = try #require(harness.redis)
        try harness.fail("jan.jansen@example.nl", from: "192.0.2.44", times: 3)

        let keys = try redis.keys()
        #expect(keys == [
            "lg:throttle:account:91769473ea99ba7efbac1ecb15aa91aca6a11283a948021b47844fb33b33c8ac",
            "lg:throttle:ip:2233814af6a92061366e89b4d4a369bf67a622aca243e4efec3b816e458a21fe",
        ], "HMAC-SHA-256 under the pepper")
        let dump = try redis.dump()
        for secret in ["jansen", "example", "192.0.2"] { #expect(!dump.contains(secret)) }
    }

    @Test func everyCounterExpiresWithItsWindowOrLockout() throws {
        let harness = try LoginThrottleHarness(.redis)
        let redis = try #require(harness.redis)
        try harness.fail("anna", from: "192.0.2.1")
        for key in try redis.keys() { #expect(try (90_000...100_000).contains(redis.millisecondsToLive(key)), "window 100 s") }

        try harness.fail("anna", from: "192.0.2.1", times: 5)
        harness.clock.advance(by: 90)
        try harness.fail("anna", from: "192.0.2.1")
        // 7th failure on the account: lockout capped at 40 s, shorter than the 100 s window.
        let ttls = try redis.keys().map { try redis.millisecondsToLive($0) }
        #expect(ttls.count == 2 && ttls.allSatisfy { (90_000...100_000).contains($0) })
    }

    @Test func lockoutLongerThanTheWindowKeepsItsKey() throws {
        let harness = try LoginThrottleHarness(.redis)
        let redis = try #require(harness.redis)
        let policy = LoginThrottlePolicy(
            account: .init(threshold: 1, windowSeconds: 10, baseLockoutSeconds: 300, maxLockoutSeconds: 300))
        let throttle = RedisLoginThrottle(
            client: redis.client, pepper: LoginThrottleHarness.pepper, policy: policy, clock: harness.clock)
        #expect(try throttle.recordFailure(account: "anna", ip: "192.0.2.1") == .lockedOut(retryAfter: 300))
        let account = try #require(try redis.keys().first { $0.hasPrefix("lg:throttle:account:") })
        #expect(try (290_000...300_000).contains(redis.millisecondsToLive(account)))
    }

    @Test func everyNodeSeesTheSameCounters() throws {
        let harness = try LoginThrottleHarness(.redis)
        let redis = try #require(harness.redis)
        let otherNode = RedisLoginThrottle(
            client: redis.client, pepper: LoginThrottleHarness.pepper, policy: LoginThrottleHarness.policy,
            clock: harness.clock)
        try harness.fail("anna", from: "192.0.2.1", times: 2)
        #expect(try otherNode.recordFailure(account: "anna", ip: "192.0.2.2") == .lockedOut(retryAfter: 10))
        #expect(try harness.throttle.check(account: "anna", ip: "192.0.2.3") == .lockedOut(retryAfter: 10))
    }

    @Test func anotherPepperGivesOtherCounters() throws {
        let harness = try LoginThrottleHarness(.redis)
        let redis = try #require(harness.redis)
        let otherDeployment = RedisLoginThrottle(
            client: redis.client, pepper: Array(repeating: 7, count: 32), policy: LoginThrottleHarness.policy,
            clock: harness.clock)
        try harness.fail("anna", from: "192.0.2.1", times: 3)
        #expect(try otherDeployment.check(account: "anna", ip: "192.0.2.1") == .allowed)
    }

    @Test func redisDownFailsClosedUntilItIsBack() throws {
        let harness = try LoginThrottleHarness(.redis)
        let redis = try #require(harness.redis)
        let throttle = harness.throttle
        try harness.fail("anna", from: "192.0.2.1")

        redis.server.stop()
        #expect(loginThrottleIsUnavailable { try throttle.check(account: "anna", ip: "192.0.2.1") })
        #expect(loginThrottleIsUnavailable { try throttle.recordFailure(account: "anna", ip: "192.0.2.1") })
        #expect(loginThrottleIsUnavailable { try throttle.recordSuccess(account: "anna") })

        try redis.server.start()
        #expect(try throttle.check(account: "anna", ip: "192.0.2.1") == .allowed)
        #expect(try harness.fail("anna", from: "192.0.2.1", times: 3) == .lockedOut(retryAfter: 10))
    }

    @Test func wrongTypeAtACounterKeyFailsClosed() throws {
        let harness = try LoginThrottleHarness(.redis)
        let redis = try #require(harness.redis)
        let throttle = harness.throttle
        try harness.fail("anna", from: "192.0.2.1")
        let account = try #require(try redis.keys().first { $0.hasPrefix("lg:throttle:account:") })
        _ = try redis.client.command(["SET", account, "not a hash"])
        #expect(loginThrottleIsUnavailable { try throttle.check(account: "anna", ip: "192.0.2.1") })
        #expect(loginThrottleIsUnavailable { try throttle.recordFailure(account: "anna", ip: "192.0.2.1") })
    }
}
