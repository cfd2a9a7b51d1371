/// The Lua scripts of `RedisSessionStore`: each runs atomically in one round trip.
extension RedisSessionStore {
    /// Shared by the scripts that use a session. ARGV[1] now (ms), ARGV[2] idle timeout
    /// (ms), ARGV[3] session hash, ARGV[4] index prefix. `live` returns the session's
    /// fields, or nil after deleting and unlisting a session that is idle too long or
    /// past its absolute end; `touch` sets `last_seen` and renews the TTL (never beyond
    /// the absolute end).
    private static let prelude = """
        local now, idle = tonumber(ARGV[1]), tonumber(ARGV[2])
        local function int(x) return string.format('%.0f', x) end
        local function live(key)
          local flat = redis.call('HGETALL', key)
          if #flat == 0 then return nil end
          local h = {}
          for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
          local expires, last = tonumber(h.expires), tonumber(h.last_seen)
          if expires and last and now < expires and now < last + idle then return h end
          redis.call('DEL', key)
          if h.patron then redis.call('SREM', ARGV[4] .. h.patron, ARGV[3]) end
          return nil
        end
        local function touch(key, h)
          redis.call('HSET', key, 'last_seen', int(math.max(tonumber(h.last_seen), now)))
          redis.call('PEXPIRE', key, int(math.min(idle, tonumber(h.expires) - now)))
        end

        """

    /// KEYS: session, patron index[, pre-login to retire]. ARGV: session TTL (ms), index
    /// TTL (ms), session hash, session prefix, then the field/value pairs. Also drops
    /// index entries whose session has expired, so the index stays small.
    static let createScript = RedisScript("""
        if KEYS[3] then redis.call('DEL', KEYS[3]) end
        for _, member in ipairs(redis.call('SMEMBERS', KEYS[2])) do
          if redis.call('EXISTS', ARGV[4] .. member) == 0 then redis.call('SREM', KEYS[2], member) end
        end
        redis.call('HSET', KEYS[1], unpack(ARGV, 5))
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        redis.call('SADD', KEYS[2], ARGV[3])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return 1
        """)

    /// KEYS: session. Returns the touched session's fields, or nil.
    static let findScript = RedisScript(prelude + """
        local h = live(KEYS[1])
        if not h then return false end
        touch(KEYS[1], h)
        return redis.call('HGETALL', KEYS[1])
        """)

    /// KEYS: session. ARGV[5]: the client field. Returns 1, or 0 when the session is gone.
    static let addClientScript = RedisScript(prelude + """
        local h = live(KEYS[1])
        if not h then return 0 end
        touch(KEYS[1], h)
        redis.call('HSET', KEYS[1], ARGV[5], '1')
        return 1
        """)

    /// KEYS: session. ARGV: session hash, index prefix. Returns the deleted fields, or nil.
    static let deleteScript = RedisScript("""
        local flat = redis.call('HGETALL', KEYS[1])
        if #flat == 0 then return false end
        redis.call('DEL', KEYS[1])
        for i = 1, #flat, 2 do
          if flat[i] == 'patron' then redis.call('SREM', ARGV[2] .. flat[i + 1], ARGV[1]) end
        end
        return flat
        """)

    /// KEYS: patron index. ARGV[1]: session prefix. Deletes every listed session and the
    /// index; returns the client_ids of their `c:` fields.
    static let deleteAllScript = RedisScript("""
        local clients = {}
        for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
          local key = ARGV[1] .. member
          for _, field in ipairs(redis.call('HKEYS', key)) do
            if string.sub(field, 1, 2) == 'c:' then clients[#clients + 1] = string.sub(field, 3) end
          end
          redis.call('DEL', key)
        end
        redis.call('DEL', KEYS[1])
        return clients
        """)
}
