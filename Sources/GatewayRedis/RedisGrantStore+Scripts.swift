/// The Lua scripts of `RedisGrantStore`: each runs atomically in one round trip. Mirrors
/// `GrantLedger` (the in-memory store), rule for rule.
extension RedisGrantStore {
    /// Shared helpers; ARGV[1] is always now (ms). `record` reads a hash into a table
    /// (nil when missing) plus its flat form; `live` is the same for a record whose
    /// `live_until` has not passed; `put` writes fields and sets the TTL (ms, at least 1);
    /// `finish` deletes a grant and its current refresh token.
    private static let prelude = """
        local now = tonumber(ARGV[1])
        local function int(x) return string.format('%.0f', x) end
        local function record(key)
          local flat = redis.call('HGETALL', key)
          if #flat == 0 then return nil end
          local h = {}
          for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
          return h, flat
        end
        local function live(key)
          local h, flat = record(key)
          if h and now < (tonumber(h.live_until) or 0) then return h, flat end
          return nil
        end
        local function put(key, ttl, ...)
          redis.call('HSET', key, ...)
          redis.call('PEXPIRE', key, int(math.max(1, ttl)))
        end
        local function finish(key, refreshPrefix)
          local current = redis.call('HGET', key, 'refresh')
          if current then redis.call('DEL', refreshPrefix .. current) end
          redis.call('DEL', key)
        end

        """

    /// KEYS: grant, access token[, first refresh token]. ARGV: now, grant deadline, access
    /// deadline (ms), grant id, refresh prefix, refresh hash (or ''), then the grant's
    /// field/value pairs. Returns 1.
    static let startScript = RedisScript(prelude + """
        finish(KEYS[1], ARGV[5])
        local grantUntil, accessUntil = tonumber(ARGV[2]), tonumber(ARGV[3])
        put(KEYS[1], grantUntil - now, 'live_until', ARGV[2], unpack(ARGV, 7))
        if KEYS[3] then
          redis.call('HSET', KEYS[1], 'refresh', ARGV[6])
          put(KEYS[3], grantUntil - now, 'grant', ARGV[4], 'live_until', ARGV[2])
        end
        put(KEYS[2], accessUntil - now, 'grant', ARGV[4], 'live_until', ARGV[3])
        return 1
        """)

    /// KEYS: presented refresh token, successor, access token. ARGV: now, client id,
    /// presented hash, successor hash, sealed successor (empty without a grace window),
    /// access deadline (ms), grace (ms),
    /// grant prefix, refresh prefix. Returns `{'rotated' | 'retried', sealed, grant
    /// fields}`, `{'reused'}` (after ending the grant) or `{'invalid'}`.
    static let rotateScript = RedisScript(prelude + """
        local token = live(KEYS[1])
        if not token then return {'invalid'} end
        local grantKey = ARGV[8] .. token.grant
        local grant, flat = live(grantKey)
        if not grant then
          finish(grantKey, ARGV[9])
          return {'invalid'}
        end
        if grant.client ~= ARGV[2] or not grant.refresh then return {'invalid'} end
        local function register()
          put(KEYS[3], tonumber(ARGV[6]) - now, 'grant', token.grant, 'live_until', ARGV[6])
        end
        if grant.refresh == ARGV[3] then
          local untilMs = math.min(now + tonumber(grant.idle) * 1000, tonumber(grant.expires))
          local ttl, deadline = untilMs - now, int(untilMs)
          put(KEYS[1], ttl, 'retired', ARGV[1], 'successor', ARGV[4], 'sealed', ARGV[5], 'live_until', deadline)
          put(KEYS[2], ttl, 'grant', token.grant, 'live_until', deadline)
          put(grantKey, ttl, 'refresh', ARGV[4], 'live_until', deadline)
          register()
          return {'rotated', '', flat}
        end
        if not token.retired then return {'invalid'} end
        local grace = tonumber(ARGV[7])
        if grace > 0 and now < tonumber(token.retired) + grace and token.successor == grant.refresh and token.sealed ~= '' then
          register()
          return {'retried', token.sealed, flat}
        end
        finish(grantKey, ARGV[9])
        redis.call('DEL', KEYS[1])
        return {'reused'}
        """)

    /// KEYS: grant. ARGV[1]: refresh prefix. Returns 1.
    static let revokeScript = RedisScript("""
        local current = redis.call('HGET', KEYS[1], 'refresh')
        if current then redis.call('DEL', ARGV[1] .. current) end
        redis.call('DEL', KEYS[1])
        return 1
        """)

    /// KEYS: refresh token. ARGV: now, its hash, grant prefix. Returns the grant's fields
    /// when the token is its grant's live current token, else nil. Writes nothing.
    static let grantScript = RedisScript(prelude + """
        local token = live(KEYS[1])
        if not token or token.retired then return false end
        local grant, flat = live(ARGV[3] .. token.grant)
        if not grant or grant.refresh ~= ARGV[2] then return false end
        return flat
        """)

    /// KEYS: access token. ARGV: now, grant prefix. Returns 1 when the token and its
    /// grant both live, else 0.
    static let activeScript = RedisScript("""
        local now = tonumber(ARGV[1])
        local access = redis.call('HMGET', KEYS[1], 'grant', 'live_until')
        if not access[1] or now >= (tonumber(access[2]) or 0) then return 0 end
        local grantUntil = tonumber(redis.call('HGET', ARGV[2] .. access[1], 'live_until'))
        if grantUntil and now < grantUntil then return 1 end
        return 0
        """)
}
