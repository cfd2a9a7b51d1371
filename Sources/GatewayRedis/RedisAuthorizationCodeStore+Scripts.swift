/// The Lua scripts of `RedisAuthorizationCodeStore`: each runs atomically in one round trip.
extension RedisAuthorizationCodeStore {
    /// KEYS: the code. ARGV[1]: TTL (ms), then the field/value pairs. Returns 1.
    static let saveScript = RedisScript("""
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], unpack(ARGV, 2))
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        return 1
        """)

    /// KEYS: the code. ARGV[1]: now (ms). Returns nil for no code (or one past its
    /// deadline, which is deleted), `{'replayed', grant}` for a consumed one, else
    /// `{'fresh', fields}` after cutting the record down to the consumed marker; `HDEL` and
    /// `HSET` keep the key's TTL, so the marker ends when the code would have.
    static let consumeScript = RedisScript("""
        local flat = redis.call('HGETALL', KEYS[1])
        if #flat == 0 then return false end
        local h = {}
        for i = 1, #flat, 2 do h[flat[i]] = flat[i + 1] end
        local expires = tonumber(h.expires)
        if not expires or not h.grant or tonumber(ARGV[1]) >= expires then
          redis.call('DEL', KEYS[1])
          return false
        end
        if h.consumed then return {'replayed', h.grant} end
        local drop = {}
        for i = 1, #flat, 2 do
          if flat[i] ~= 'grant' and flat[i] ~= 'expires' then drop[#drop + 1] = flat[i] end
        end
        if #drop > 0 then redis.call('HDEL', KEYS[1], unpack(drop)) end
        redis.call('HSET', KEYS[1], 'consumed', '1')
        return {'fresh', flat}
        """)
}
