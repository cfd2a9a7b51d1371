public import GatewayCore
import GatewayCrypto
public import GatewayOAuth

/// Single use of client assertions (RFC 7523 §3) across every node: `SET NX` of
/// `lg:assertion:<sha256(client_id jti)>` with a TTL until the assertion expires. One round trip.
public struct RedisAssertionReplayGuard: AssertionReplayGuard {
    private let client: RedisClient
    static let prefix = "lg:assertion:"

    /// A guard over `client`.
    public init(client: RedisClient) { self.client = client }

    /// True when the key did not exist yet.
    public func firstUse(jti: String, clientID: String, expiresAt: Instant, at now: Instant) throws(OAuthStoreError) -> Bool {
        let key = Self.prefix + Hex.encode(SHA256.digest(clientID + " " + jti))
        let milliseconds = max(1000, Int((expiresAt.secondsSinceEpoch - now.secondsSinceEpoch) * 1000) + 1000)
        let reply: RedisValue
        do { reply = try client.command(["SET", key, "1", "NX", "PX", String(milliseconds)]) } catch {
            throw .unavailable(detail: "redis: \(error)")
        }
        return reply.isOK
    }
}
