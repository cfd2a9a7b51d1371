public import GatewayCore
public import GatewayOAuth

/// Authorization codes in Redis, shared by every gateway node.
///
/// Layout: `lg:code:<h>` (`<h>` = `OpaqueToken.hash` of the code, so Redis never holds a
/// code) is a hash of the code's fields (see `RedisAuthorizationCodeStore+Codec.swift`)
/// plus `expires`, with TTL = the code's lifetime. Consuming it leaves only `consumed`,
/// `grant` and `expires` under the same TTL: a replay is then told apart from an unknown
/// code and names the grant to revoke.
///
/// Each call is one round trip (a Lua script), so two concurrent exchanges cannot both get
/// the code. The deadline comes from the injected clock and the TTL mirrors it. Any Redis
/// failure throws `.unavailable`.
public final class RedisAuthorizationCodeStore: AuthorizationCodeStore {
    private let client: RedisClient
    private let clock: any Clock
    static let codePrefix = "lg:code:"

    /// A store on `client`, reading time from `clock`.
    public init(client: RedisClient, clock: any Clock = SystemClock()) {
        self.client = client
        self.clock = clock
    }

    /// Writes the code's hash with its TTL (replacing anything under the same name).
    public func save(_ code: AuthorizationCode, codeHash: String, ttlSeconds: Int) throws(OAuthStoreError) {
        let ttl = max(1, ttlSeconds) * 1000
        let expires = RedisHashRecord.milliseconds(clock.now()) + ttl
        let arguments = [String(ttl)] + Self.fields(of: code) + ["expires", String(expires)]
        let reply = try client.oauthScript(Self.saveScript, keys: [Self.codePrefix + codeHash], arguments: arguments)
        guard reply.int == 1 else { throw .unavailable(detail: "unexpected reply to the code save script") }
    }

    /// Marks the code consumed and returns it, atomically; a consumed code answers
    /// `.replayed` until its TTL ends.
    public func consume(codeHash: String) throws(OAuthStoreError) -> CodeRedemption {
        let now = String(RedisHashRecord.milliseconds(clock.now()))
        let reply = try client.oauthScript(Self.consumeScript, keys: [Self.codePrefix + codeHash], arguments: [now])
        if reply.isNull { return .unknown }
        guard let parts = reply.elements, parts.count == 2, let outcome = parts[0].string else {
            throw .unavailable(detail: "unexpected reply to the code consume script")
        }
        switch outcome {
        case "replayed":
            guard let grantID = parts[1].string else { break }
            return .replayed(grantID: grantID)
        case "fresh":
            // A record that cannot be read is no code: the client starts a new authorization.
            guard let record = RedisHashRecord(parts[1]) else { break }
            return Self.code(from: record).map(CodeRedemption.fresh) ?? .unknown
        default:
            break
        }
        throw .unavailable(detail: "unexpected reply to the code consume script")
    }
}
