/// How logout tokens are delivered: queue size, per-request timeout, retry schedule.
/// The defaults keep every retry inside a two-minute logout token's lifetime
/// (1 + 4 + 16 s of backoff plus four 5 s timeouts).
public struct BackchannelLogoutConfiguration: Sendable, Equatable {
    /// Deliveries (first attempts and scheduled retries) held at most; beyond it new
    /// deliveries are dropped and counted, so a logout storm cannot exhaust memory.
    public var capacity: Int
    /// Seconds one POST may take, connect to last byte.
    public var timeoutSeconds: Double
    /// Attempts per delivery, the first included.
    public var maximumAttempts: Int
    /// Seconds to wait before retry 1, 2, …; the last value repeats when attempts outnumber it.
    public var retryDelays: [Double]
    /// Seconds `stop()` keeps delivering what is already due.
    public var drainSeconds: Double
    /// Lifetime of each logout token (`exp` − `iat`).
    public var tokenLifetimeSeconds: Int
    /// Largest response body accepted from an application (the body itself is ignored).
    public var maximumResponseBytes: Int

    /// A configuration; every default suits production.
    public init(capacity: Int = 10_000, timeoutSeconds: Double = 5, maximumAttempts: Int = 4, retryDelays: [Double] = [1, 4, 16],
                drainSeconds: Double = 5, tokenLifetimeSeconds: Int = 120, maximumResponseBytes: Int = 65_536) {
        self.capacity = max(1, capacity)
        self.timeoutSeconds = timeoutSeconds
        self.maximumAttempts = max(1, maximumAttempts)
        self.retryDelays = retryDelays.isEmpty ? [0] : retryDelays
        self.drainSeconds = drainSeconds
        self.tokenLifetimeSeconds = tokenLifetimeSeconds
        self.maximumResponseBytes = maximumResponseBytes
    }

    /// Seconds to wait after failed attempt number `attempt` (1-based) before the next one.
    func delay(afterAttempt attempt: Int) -> Double {
        retryDelays[min(attempt, retryDelays.count) - 1]
    }
}
