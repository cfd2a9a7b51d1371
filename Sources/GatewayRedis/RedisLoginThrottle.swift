public import GatewayAccounts
public import GatewayCore

/// The login throttle in Redis, shared by every gateway node.
///
/// Layout: one hash per counter, `lg:throttle:account:<hmac>` and `lg:throttle:ip:<hmac>`
/// (HMAC-SHA-256 of the account name or address under the deployment's pepper, so Redis
/// never holds either), with fields `n` (failures in the window), `until` (end of the
/// sliding window) and `locked` (end of the lockout), both in ms since the epoch. Every
/// key expires when both its window and its lockout have ended.
///
/// Each call is one round trip: `check` pipelines two `HGET`s, `recordFailure` is one
/// Lua script updating both counters atomically, `recordSuccess` one `DEL`. Deadlines come
/// from the injected clock (the key TTLs mirror them), so all nodes and tests agree on
/// when a lockout ends. Any Redis failure throws `.unavailable`: logins fail closed.
public final class RedisLoginThrottle: LoginThrottle {
    private let client: RedisClient
    private let keys: LoginThrottleKeys
    private let policy: LoginThrottlePolicy
    private let clock: any Clock
    static let accountPrefix = "lg:throttle:account:"
    static let ipPrefix = "lg:throttle:ip:"

    /// A throttle on `client` applying `policy`; `pepper` (at least 16 secret random bytes,
    /// the same on every node) keys the counter names.
    public init(
        client: RedisClient, pepper: [UInt8], policy: LoginThrottlePolicy = LoginThrottlePolicy(),
        clock: any Clock = SystemClock()
    ) {
        self.client = client
        self.keys = LoginThrottleKeys(pepper: pepper)
        self.policy = policy
        self.clock = clock
    }

    /// Locked out while either the account or the address is.
    public func check(account: String, ip: String) throws(LoginThrottleError) -> ThrottleDecision {
        let now = Self.milliseconds(clock.now())
        let replies = try run { () throws(RedisError) in
            try client.pipeline([["HGET", accountKey(account), "locked"], ["HGET", ipKey(ip), "locked"]])
        }
        guard replies.count == 2, replies.allSatisfy({ $0.isNull || $0.int != nil }) else {
            throw .unavailable(detail: "unexpected reply to HGET")
        }
        return Self.decision(lockedUntil: replies.compactMap(\.int).max() ?? 0, now: now)
    }

    /// Counts the failure on both counters in one atomic script.
    @discardableResult
    public func recordFailure(account: String, ip: String) throws(LoginThrottleError) -> ThrottleDecision {
        let now = Self.milliseconds(clock.now())
        let arguments = [String(now)] + Self.arguments(policy.account) + Self.arguments(policy.ip)
        let reply = try run { () throws(RedisError) in
            try client.evaluate(Self.failureScript, keys: [accountKey(account), ipKey(ip)], arguments: arguments)
        }
        guard let remaining = reply.elements?.compactMap(\.int), remaining.count == 2 else {
            throw .unavailable(detail: reply.errorMessage ?? "unexpected reply to the failure script")
        }
        return Self.decision(lockedUntil: now + max(remaining[0], remaining[1]), now: now)
    }

    /// Deletes the account's counter; the address keeps its own.
    public func recordSuccess(account: String) throws(LoginThrottleError) {
        let reply = try run { () throws(RedisError) in try client.command(["DEL", accountKey(account)]) }
        guard reply.int != nil else { throw .unavailable(detail: reply.errorMessage ?? "unexpected reply to DEL") }
    }

    private func accountKey(_ account: String) -> String { Self.accountPrefix + keys.account(account) }
    private func ipKey(_ ip: String) -> String { Self.ipPrefix + keys.ip(ip) }

    private func run<Result>(_ body: () throws(RedisError) -> Result) throws(LoginThrottleError) -> Result {
        do {
            return try body()
        } catch {
            throw .unavailable(detail: error.description)
        }
    }

    /// A limit as script arguments: threshold, window, base and maximum lockout, in ms.
    private static func arguments(_ limit: LoginThrottlePolicy.Limit) -> [String] {
        [String(limit.threshold), String(limit.windowSeconds * 1000), String(limit.baseLockoutSeconds * 1000),
         String(limit.maxLockoutSeconds * 1000)]
    }

    private static func decision(lockedUntil: Int, now: Int) -> ThrottleDecision {
        guard lockedUntil > now else { return .allowed }
        return .lockedOut(retryAfter: (lockedUntil - now + 999) / 1000)
    }

    private static func milliseconds(_ instant: Instant) -> Int {
        Int((instant.secondsSinceEpoch * 1000).rounded(.down))
    }
}
