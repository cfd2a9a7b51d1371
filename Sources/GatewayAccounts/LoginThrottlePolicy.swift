/// The thresholds of a `LoginThrottle`: how many failures within a window trigger a
/// lockout, and how long it lasts.
public struct LoginThrottlePolicy: Sendable, Equatable {
    /// One counter's rule. The window slides: each failure keeps the counter for another
    /// `windowSeconds`. The `threshold`-th failure locks for `baseLockoutSeconds`, and each
    /// further one doubles that, up to `maxLockoutSeconds`.
    public struct Limit: Sendable, Equatable {
        /// Failures within the window that start a lockout.
        public var threshold: Int
        /// Seconds a counter is kept after the last failure.
        public var windowSeconds: Int
        /// The first lockout.
        public var baseLockoutSeconds: Int
        /// The longest lockout.
        public var maxLockoutSeconds: Int

        /// A limit with the given values, all positive.
        public init(threshold: Int, windowSeconds: Int, baseLockoutSeconds: Int, maxLockoutSeconds: Int) {
            self.threshold = threshold
            self.windowSeconds = windowSeconds
            self.baseLockoutSeconds = baseLockoutSeconds
            self.maxLockoutSeconds = maxLockoutSeconds
        }

        /// Seconds of lockout after `failures` failures within the window (0 below the threshold).
        public func lockoutSeconds(afterFailures failures: Int) -> Int {
            guard failures >= threshold else { return 0 }
            let doublings = min(failures - threshold, 30)
            return min(maxLockoutSeconds, baseLockoutSeconds << doublings)
        }

        /// Why this limit is unusable, or nil.
        var problem: String? {
            if threshold < 1 { return "threshold must be at least 1" }
            if windowSeconds < 1 || baseLockoutSeconds < 1 { return "window and lockout must be positive" }
            if maxLockoutSeconds < baseLockoutSeconds { return "maximum lockout must be at least the base lockout" }
            return nil
        }
    }

    /// Per account: 5 failures within 15 minutes lock for 1 minute, doubling up to 15 minutes.
    public var account: Limit
    /// Per IP address: a higher threshold (50 within 15 minutes), same lockout growth.
    public var ip: Limit

    /// A policy with the given limits.
    public init(
        account: Limit = Limit(threshold: 5, windowSeconds: 900, baseLockoutSeconds: 60, maxLockoutSeconds: 900),
        ip: Limit = Limit(threshold: 50, windowSeconds: 900, baseLockoutSeconds: 60, maxLockoutSeconds: 900)
    ) {
        self.account = account
        self.ip = ip
    }

    /// Which limit is unusable and why, or nil.
    public var problem: (limit: String, reason: String)? {
        if let reason = account.problem { return ("account", reason) }
        if let reason = ip.problem { return ("ip", reason) }
        return nil
    }
}
