import GatewayAccounts
import GatewayRedis
import Testing

/// The throttle implementations the contract suite runs against.
enum LoginThrottleBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory, redis

    var testDescription: String { rawValue }
}

/// A throttle under test with its clock (and Redis, when it has one).
struct LoginThrottleHarness {
    /// Small numbers so every boundary is a few steps away: an account locks at its 3rd
    /// failure, an address at its 6th; lockouts of 10, 20, 40 s; windows of 100 s.
    static let policy = LoginThrottlePolicy(
        account: .init(threshold: 3, windowSeconds: 100, baseLockoutSeconds: 10, maxLockoutSeconds: 40),
        ip: .init(threshold: 6, windowSeconds: 100, baseLockoutSeconds: 10, maxLockoutSeconds: 40))
    static let pepper = Array(0..<32) as [UInt8]

    let throttle: any LoginThrottle
    let clock = SessionTestClock()
    let redis: SessionTestRedis?

    init(_ backend: LoginThrottleBackend) throws {
        switch backend {
        case .inMemory:
            redis = nil
            throttle = InMemoryLoginThrottle(policy: Self.policy, clock: clock)
        case .redis:
            let redis = try SessionTestRedis()
            self.redis = redis
            throttle = RedisLoginThrottle(client: redis.client, pepper: Self.pepper, policy: Self.policy, clock: clock)
        }
    }

    /// Records `count` failures and returns the last decision.
    @discardableResult
    func fail(_ account: String, from ip: String, times count: Int = 1) throws -> ThrottleDecision {
        var decision = ThrottleDecision.allowed
        for _ in 0..<count { decision = try throttle.recordFailure(account: account, ip: ip) }
        return decision
    }
}

/// Whether `body` throws `LoginThrottleError.unavailable`.
func loginThrottleIsUnavailable<Result>(_ body: () throws -> Result) -> Bool {
    do {
        _ = try body()
        return false
    } catch {
        if case .unavailable = error as? LoginThrottleError { return true }
        return false
    }
}
