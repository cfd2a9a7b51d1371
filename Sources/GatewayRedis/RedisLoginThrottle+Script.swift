extension RedisLoginThrottle {
    /// Counts one failure on the account counter (KEYS[1]) and the address counter
    /// (KEYS[2]). ARGV[1] is now in ms; ARGV[2...5] and ARGV[6...9] are each counter's
    /// threshold, window, base lockout and maximum lockout in ms. Returns the ms of
    /// lockout left on each counter (0 when not locked). Mirrors
    /// `LoginThrottlePolicy.Limit.lockoutSeconds(afterFailures:)`.
    static let failureScript = RedisScript("""
        local now = tonumber(ARGV[1])
        local function int(x) return string.format('%.0f', x) end
        local function fail(key, at)
          local threshold, window = tonumber(ARGV[at]), tonumber(ARGV[at + 1])
          local base, cap = tonumber(ARGV[at + 2]), tonumber(ARGV[at + 3])
          local stored = redis.call('HMGET', key, 'n', 'until', 'locked')
          local n = tonumber(stored[1]) or 0
          if (tonumber(stored[2]) or 0) <= now then n = 0 end
          n = n + 1
          local locked = tonumber(stored[3]) or 0
          if n >= threshold then
            locked = math.max(locked, now + math.min(cap, base * 2 ^ math.min(n - threshold, 30)))
          end
          local windowEnd = now + window
          redis.call('HSET', key, 'n', n, 'until', int(windowEnd), 'locked', int(locked))
          redis.call('PEXPIRE', key, int(math.max(windowEnd, locked) - now))
          return math.max(locked - now, 0)
        end
        return {fail(KEYS[1], 2), fail(KEYS[2], 6)}
        """)
}
