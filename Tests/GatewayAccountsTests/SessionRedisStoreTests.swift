import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewayRedis
import GatewayTesting
import Testing

/// What only the Redis store can show: its keys, their TTLs, and failing closed.
@Suite struct SessionRedisStoreTests {
    @Test func redisHoldsOnlyTheHashOfEverySessionID() throws {
        let harness = try SessionHarness(.redis)
        let redis = try #require(harness.redis)
        let loggedIn = try harness.login(SessionHarness.patron())
        let preLogin = try harness.store.createPreLogin()

        let dump = try redis.dump()
        #expect(!dump.contains(loggedIn.id.cookieValue) && !dump.contains(preLogin.id.cookieValue))
        #expect(try redis.keys().contains("lg:session:" + loggedIn.id.storageKey))
        #expect(try redis.keys().contains("lg:prelogin:" + preLogin.id.storageKey))
    }

    @Test func everySessionKeyHasATTL() throws {
        let harness = try SessionHarness(.redis)
        let redis = try #require(harness.redis)
        let loggedIn = try harness.login(SessionHarness.patron())
        _ = try harness.store.addClient("catalogue", to: loggedIn.id)
        _ = try harness.store.createPreLogin()

        let keys = try redis.keys()
        #expect(keys.count == 3, "session, patron index, pre-login: \(keys)")
        for key in keys { #expect(try redis.millisecondsToLive(key) > 0, "\(key)") }
    }

    @Test func sessionTTLIsTheIdleTimeoutCutToWhatIsLeftOfTheAbsoluteLifetime() throws {
        let harness = try SessionHarness(.redis)
        let redis = try #require(harness.redis)
        let patron = SessionHarness.patron()
        let created = try harness.login(patron)
        let key = "lg:session:" + created.id.storageKey
        #expect(try (590_000...600_000).contains(redis.millisecondsToLive(key)), "idle timeout 600 s")
        #expect(try (990_000...1_000_000).contains(redis.millisecondsToLive("lg:patron-sessions:" + patron.rawValue)))

        harness.clock.advance(by: 500)
        _ = try harness.store.find(created.id)
        #expect(try (490_000...500_000).contains(redis.millisecondsToLive(key)), "500 s left of the absolute lifetime")
        harness.clock.advance(by: 400)
        _ = try harness.store.addClient("catalogue", to: created.id)
        #expect(try (90_000...100_000).contains(redis.millisecondsToLive(key)), "100 s left of the absolute lifetime")
    }

    @Test func preLoginTTLIsItsLifetime() throws {
        let harness = try SessionHarness(.redis)
        let redis = try #require(harness.redis)
        let preLogin = try harness.store.createPreLogin()
        #expect(try (290_000...300_000).contains(redis.millisecondsToLive("lg:prelogin:" + preLogin.id.storageKey)))
    }

    @Test func endedSessionsLeaveThePatronIndex() throws {
        let harness = try SessionHarness(.redis)
        let redis = try #require(harness.redis)
        let patron = SessionHarness.patron()
        let index = "lg:patron-sessions:" + patron.rawValue
        let idle = try harness.login(patron)
        let loggedOut = try harness.login(patron)
        try harness.store.delete(loggedOut.id)
        #expect(try redis.client.command(["SCARD", index]).int == 1)

        harness.clock.advance(by: 600)
        #expect(try harness.store.find(idle.id) == nil)
        #expect(try redis.client.command(["SCARD", index]).int == 0)
    }

    @Test func unreadableSessionRecordCountsAsNoSession() throws {
        let harness = try SessionHarness(.redis)
        let redis = try #require(harness.redis)
        let created = try harness.login(SessionHarness.patron())
        _ = try redis.client.command(["HSET", "lg:session:" + created.id.storageKey, "auth_time", "yesterday"])
        #expect(try harness.store.find(created.id) == nil)
    }

    @Test func redisDownMakesEveryOperationUnavailableUntilItIsBack() throws {
        let harness = try SessionHarness(.redis)
        let redis = try #require(harness.redis)
        let store = harness.store
        let patron = SessionHarness.patron()
        let created = try harness.login(patron)

        redis.server.stop()
        #expect(sessionStoreIsUnavailable { try harness.login(patron) })
        #expect(sessionStoreIsUnavailable { try store.find(created.id) })
        #expect(sessionStoreIsUnavailable { try store.addClient("catalogue", to: created.id) })
        #expect(sessionStoreIsUnavailable { try store.delete(created.id) })
        #expect(sessionStoreIsUnavailable { try store.deleteAll(for: patron) })
        #expect(sessionStoreIsUnavailable { try store.createPreLogin() })
        #expect(sessionStoreIsUnavailable { try store.findPreLogin(created.id) })
        #expect(sessionStoreIsUnavailable { try store.deletePreLogin(created.id) })

        try redis.server.start()
        let again = try harness.login(patron)
        #expect(try store.find(again.id) != nil)
    }
}
