public import GatewayCore
public import GatewayOAuth

/// Grants, their refresh tokens and the ids of their access tokens in Redis, shared by
/// every gateway node.
///
/// Layout (`<h>` is `OpaqueToken.hash` of a refresh token; no token value is ever stored):
/// - `lg:grant:<grant_id>`: hash of the grant (fields in `RedisGrantStore+Codec.swift`),
///   its current refresh token's hash (`refresh`) and its deadline (`live_until`). TTL =
///   the access token's lifetime for a grant without refresh token, else the idle timeout
///   cut to what is left of the absolute end, renewed at every rotation.
/// - `lg:refresh:<h>`: hash `grant`, `live_until`; a retired token also holds `retired`
///   (ms), `successor` (hash of the token that replaced it) and `sealed` (the successor
///   sealed with the retired token, for the grace window). TTL = the grant's when written.
/// - `lg:access:<jti>`: hash `grant`, `live_until`; TTL = the access token's lifetime.
///
/// A token counts only while its grant key exists, so ending a grant (revocation, reuse,
/// idle or absolute end) ends every token of the family at once. Each call is one round
/// trip (a Lua script, or one `DEL`). Deadlines come from the `now` the caller passes (or
/// the injected clock where the protocol passes none) and the TTLs mirror them. Any Redis
/// failure throws `.unavailable`. Scripts touch keys they derive from stored ids, so this
/// needs a standalone Redis (or Sentinel), not Redis Cluster.
public final class RedisGrantStore: GrantStore {
    private let client: RedisClient
    private let clock: any Clock
    static let grantPrefix = "lg:grant:"
    static let refreshPrefix = "lg:refresh:"
    static let accessPrefix = "lg:access:"

    /// A store on `client`, reading time from `clock` for the calls that take no `now`.
    public init(client: RedisClient, clock: any Clock = SystemClock()) {
        self.client = client
        self.clock = clock
    }

    /// Writes the grant, its first refresh token (if any) and access token, atomically;
    /// a grant with the same id is replaced.
    public func start(_ grant: Grant, refreshTokenHash: String?, accessTokenID: String, accessTokenSeconds: Int, at now: Instant)
        throws(OAuthStoreError) {
        let nowMs = RedisHashRecord.milliseconds(now)
        let accessUntil = nowMs + accessTokenSeconds * 1000
        let grantUntil = refreshTokenHash == nil
            ? accessUntil : min(nowMs + grant.idleSeconds * 1000, RedisHashRecord.milliseconds(grant.expiresAt))
        var keys = [Self.grantPrefix + grant.grantID, Self.accessPrefix + accessTokenID]
        if let refreshTokenHash { keys.append(Self.refreshPrefix + refreshTokenHash) }
        let arguments = [String(nowMs), String(grantUntil), String(accessUntil), grant.grantID, Self.refreshPrefix,
                         refreshTokenHash ?? ""] + Self.fields(of: grant)
        let reply = try client.oauthScript(Self.startScript, keys: keys, arguments: arguments)
        guard reply.int == 1 else { throw .unavailable(detail: "unexpected reply to the grant start script") }
    }

    /// Rotates `presented` into `successor` in one atomic script (see `GrantStore.rotate`).
    public func rotate(
        _ presented: OpaqueToken, successor: OpaqueToken, clientID: String, accessTokenID: String,
        accessTokenSeconds: Int, graceSeconds: Int, at now: Instant
    ) throws(OAuthStoreError) -> RotationOutcome {
        let nowMs = RedisHashRecord.milliseconds(now)
        let presentedHash = presented.hash
        let successorHash = successor.hash
        let keys = [Self.refreshPrefix + presentedHash, Self.refreshPrefix + successorHash, Self.accessPrefix + accessTokenID]
        let arguments = [String(nowMs), clientID, presentedHash, successorHash, presented.sealForRetry(successor, graceSeconds: graceSeconds),
                         String(nowMs + accessTokenSeconds * 1000), String(max(0, graceSeconds) * 1000),
                         Self.grantPrefix, Self.refreshPrefix]
        let reply = try client.oauthScript(Self.rotateScript, keys: keys, arguments: arguments)
        return try Self.outcome(of: reply, presented: presented)
    }

    /// Deletes the grant and its current refresh token; every other token of the family
    /// then points at nothing.
    public func revoke(grantID: String) throws(OAuthStoreError) {
        let reply = try client.oauthScript(Self.revokeScript, keys: [Self.grantPrefix + grantID], arguments: [Self.refreshPrefix])
        guard reply.int != nil else { throw .unavailable(detail: "unexpected reply to the grant revoke script") }
    }

    /// The grant of a live, current refresh token; reads only.
    public func grant(refreshTokenHash: String, at now: Instant) throws(OAuthStoreError) -> Grant? {
        let arguments = [String(RedisHashRecord.milliseconds(now)), refreshTokenHash, Self.grantPrefix]
        let reply = try client.oauthScript(Self.grantScript, keys: [Self.refreshPrefix + refreshTokenHash], arguments: arguments)
        if reply.isNull { return nil }
        guard let record = RedisHashRecord(reply) else { throw .unavailable(detail: "unexpected reply to the grant script") }
        return Self.grant(from: record)
    }

    /// Whether the access token is registered, unexpired, and its grant lives (at the clock's now).
    public func isAccessTokenActive(_ accessTokenID: String) throws(OAuthStoreError) -> Bool {
        let arguments = [String(RedisHashRecord.milliseconds(clock.now())), Self.grantPrefix]
        let reply = try client.oauthScript(Self.activeScript, keys: [Self.accessPrefix + accessTokenID], arguments: arguments)
        guard let active = reply.int else { throw .unavailable(detail: "unexpected reply to the access token script") }
        return active == 1
    }

    /// `DEL lg:access:<jti>`.
    public func revoke(accessTokenID: String) throws(OAuthStoreError) {
        let reply = try client.oauthCommand(["DEL", Self.accessPrefix + accessTokenID])
        guard reply.int != nil else { throw .unavailable(detail: "unexpected reply to DEL") }
    }

    /// The outcome in the rotate script's reply `{outcome, sealed successor, grant fields}`.
    private static func outcome(of reply: RedisValue, presented: OpaqueToken) throws(OAuthStoreError) -> RotationOutcome {
        guard let parts = reply.elements, let outcome = parts.first?.string else {
            throw .unavailable(detail: "unexpected reply to the rotate script")
        }
        switch outcome {
        case "reused": return .reused
        case "invalid": return .invalid
        default: break
        }
        // A grant record that cannot be read issues nothing: the client logs in again.
        guard parts.count == 3, let sealed = parts[1].string, let record = RedisHashRecord(parts[2]),
              let grant = grant(from: record) else { return .invalid }
        switch outcome {
        case "rotated": return .rotated(grant)
        case "retried": return presented.unseal(sealed).map { .retried(grant, successor: $0) } ?? .invalid
        default: throw .unavailable(detail: "unexpected reply to the rotate script")
        }
    }
}
