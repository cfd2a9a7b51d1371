public import GatewayCore
import Synchronization

/// A `LoginThrottle` in process memory, for unit tests and single-node development: the
/// same rules as the Redis one, with expiry driven by the injected clock.
public final class InMemoryLoginThrottle: LoginThrottle {
    private struct Counter {
        var failures = 0
        var windowEnds = 0.0
        var lockedUntil = 0.0
    }

    private let policy: LoginThrottlePolicy
    private let clock: any Clock
    private let counters = Mutex<[String: Counter]>([:])
    /// Expired counters are dropped when the table grows past this, so it stays bounded.
    private static let sweepThreshold = 4_096

    /// A throttle applying `policy`, reading time from `clock`.
    public init(policy: LoginThrottlePolicy = LoginThrottlePolicy(), clock: any Clock = SystemClock()) {
        self.policy = policy
        self.clock = clock
    }

    /// Locked out while either the account or the address is.
    public func check(account: String, ip: String) -> ThrottleDecision {
        let now = clock.now().secondsSinceEpoch
        let lockedUntil = counters.withLock { table in
            [table["account:" + account], table["ip:" + ip]].compactMap { Self.live($0, now)?.lockedUntil }.max() ?? 0
        }
        return Self.decision(lockedUntil: lockedUntil, now: now)
    }

    /// Counts the failure on both counters.
    @discardableResult
    public func recordFailure(account: String, ip: String) -> ThrottleDecision {
        let now = clock.now().secondsSinceEpoch
        let lockedUntil = counters.withLock { table in
            if table.count > Self.sweepThreshold { table = table.filter { Self.live($0.value, now) != nil } }
            return max(Self.fail(&table, key: "account:" + account, limit: policy.account, now: now),
                Self.fail(&table, key: "ip:" + ip, limit: policy.ip, now: now))
        }
        return Self.decision(lockedUntil: lockedUntil, now: now)
    }

    /// Forgets the account's counter; the address keeps its own.
    public func recordSuccess(account: String) {
        _ = counters.withLock { $0.removeValue(forKey: "account:" + account) }
    }

    private static func fail(
        _ table: inout [String: Counter], key: String, limit: LoginThrottlePolicy.Limit, now: Double
    ) -> Double {
        var counter = live(table[key], now) ?? Counter()
        if counter.windowEnds <= now { counter.failures = 0 }
        counter.failures += 1
        counter.windowEnds = now + Double(limit.windowSeconds)
        let lockout = limit.lockoutSeconds(afterFailures: counter.failures)
        if lockout > 0 { counter.lockedUntil = max(counter.lockedUntil, now + Double(lockout)) }
        table[key] = counter
        return counter.lockedUntil
    }

    /// The counter while it has not expired (what a store TTL would have removed is gone).
    private static func live(_ counter: Counter?, _ now: Double) -> Counter? {
        guard let counter, max(counter.windowEnds, counter.lockedUntil) > now else { return nil }
        return counter
    }

    private static func decision(lockedUntil: Double, now: Double) -> ThrottleDecision {
        guard lockedUntil > now else { return .allowed }
        return .lockedOut(retryAfter: max(1, Int((lockedUntil - now).rounded(.up))))
    }
}
