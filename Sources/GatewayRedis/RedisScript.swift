import GatewayCrypto

/// A Lua script the gateway runs in Redis, sent by its SHA-1 (`EVALSHA`) so that a call
/// carries a 40-byte name instead of the whole source and Redis skips hashing the source
/// on every call. `RedisClient.evaluate` falls back to `EVAL` (which also loads it) when
/// Redis does not know the script yet (`NOSCRIPT`: after a restart or `SCRIPT FLUSH`).
public struct RedisScript: Sendable {
    /// The Lua source.
    public let source: String
    /// SHA-1 of the source, lowercase hex: the name Redis gives the loaded script.
    public let sha1: String

    public init(_ source: String) {
        self.source = source
        self.sha1 = SHA1.hexDigest(source)
    }
}

extension RedisClient {
    /// Runs `script` atomically with `keys` and `arguments`: one round trip (`EVALSHA`),
    /// two when Redis has to be sent the source first (`NOSCRIPT`, once per script after
    /// Redis starts).
    /// - Returns: the reply, including `.error` for an error reply (a fault in the script).
    /// - Throws: `RedisError` on transport failure (see the retry rule on `RedisClient`).
    public func evaluate(_ script: RedisScript, keys: [String], arguments: [String]) throws(RedisError) -> RedisValue {
        let tail = [String(keys.count)] + keys + arguments
        let reply = try command(["EVALSHA", script.sha1] + tail)
        guard let message = reply.errorMessage, message.hasPrefix("NOSCRIPT") else { return reply }
        return try command(["EVAL", script.source] + tail)
    }
}
