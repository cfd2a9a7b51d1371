import GatewayCore
import GatewayOAuth
import GatewayRedis
import GatewayTesting
import Testing

/// Random bytes from the system generator: enough for tokens and ids in tests.
struct OAuthTestRandom: RandomSource {
    func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}

/// A private redis-server with a fast-failing client, and ways to look inside it.
final class OAuthTestRedis: Sendable {
    let server: RedisServerProcess
    let client: RedisClient

    init() throws {
        server = try RedisServerProcess()
        client = try makeClient(server, options: RedisOptions(connectTimeout: 0.5, commandTimeout: 1, maxConnections: 8))
    }

    /// Every `lg:*` key, through `SCAN` (sorted).
    func keys() throws -> [String] {
        var cursor = "0"
        var keys: [String] = []
        repeat {
            let reply = try #require(try client.command(["SCAN", cursor, "MATCH", "lg:*", "COUNT", "100"]).elements)
            cursor = try #require(reply.first?.string)
            keys += try #require(reply.last?.elements).compactMap(\.string)
        } while cursor != "0"
        return keys.sorted()
    }

    /// `PTTL key`: ms to live, -1 without a TTL, -2 when missing.
    func millisecondsToLive(_ key: String) throws -> Int {
        try #require(try client.command(["PTTL", key]).int)
    }

    /// The fields of the hash `key`.
    func fields(_ key: String) throws -> [String: String] {
        let flat = try #require(try client.command(["HGETALL", key]).elements).compactMap(\.string)
        return Dictionary(uniqueKeysWithValues: stride(from: 0, to: flat.count, by: 2).map { (flat[$0], flat[$0 + 1]) })
    }

    /// Every key and every hash field and value, as one text to search for secrets in clear.
    func dump() throws -> String {
        try keys().map { key in
            key + "\n" + (try fields(key)).map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// How many commands `body` sent to Redis.
    func commandsSent(by body: () throws -> Void) rethrows -> UInt64 {
        let before = client.commandsSent
        try body()
        return client.commandsSent - before
    }
}

/// The store implementations the contract suites run against.
enum OAuthBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory, redis

    var testDescription: String { rawValue }
}

/// A code store and a grant store under test, with their clock (and Redis, when they have one).
struct OAuthStoreHarness {
    static let clientID = "catalogue"
    static let accessSeconds = 300
    static let idleSeconds = 600
    static let absoluteSeconds = 1_000

    let codes: any AuthorizationCodeStore
    let grants: any GrantStore
    let clock = ManualClock()
    let redis: OAuthTestRedis?

    init(_ backend: OAuthBackend) throws {
        switch backend {
        case .inMemory:
            redis = nil
            codes = InMemoryAuthorizationCodeStore(clock: clock)
            grants = InMemoryGrantStore(clock: clock)
        case .redis:
            let redis = try OAuthTestRedis()
            self.redis = redis
            codes = RedisAuthorizationCodeStore(client: redis.client, clock: clock)
            grants = RedisGrantStore(client: redis.client, clock: clock)
        }
    }

    var now: Instant { clock.now() }

    /// A fresh opaque token (code or refresh token).
    static func token() -> OpaqueToken { OpaqueToken.generate(using: OAuthTestRandom()) }

    /// A fresh 128-bit hex id (grant id, `jti`, Mylibrary-id).
    static func id() -> String { OAuthTestRandom().hex(16) }

    /// A code for a new grant, issued now.
    func code(grantID: String = OAuthStoreHarness.id(), nonce: String? = "n-0S6_WzA2Mj", acr: String? = nil)
        -> AuthorizationCode {
        AuthorizationCode(
            grantID: grantID, clientID: Self.clientID, redirectURI: "https://catalogue.example/cb",
            codeChallenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", mylibraryID: Self.id(),
            scopes: ["openid", "loans"], requestedClaims: ["email"], nonce: nonce, authTime: now, sid: Self.id(), acr: acr,
            issuedAt: now)
    }

    /// A grant starting now: idle 600 s, absolute end in 1000 s unless `absoluteSeconds` says otherwise.
    func grant(clientID: String = OAuthStoreHarness.clientID, absoluteSeconds: Int = OAuthStoreHarness.absoluteSeconds)
        -> Grant {
        Grant(
            grantID: Self.id(), clientID: clientID, mylibraryID: Self.id(), scopes: ["openid", "offline_access"],
            requestedClaims: [], authTime: now, sid: Self.id(), acr: "urn:mylibrary:acr:password", createdAt: now,
            expiresAt: Instant(secondsSinceEpoch: now.secondsSinceEpoch + Double(absoluteSeconds)),
            idleSeconds: Self.idleSeconds)
    }

    /// Starts `grant` with `refreshToken` (when given) and access token `jti`.
    func start(_ grant: Grant, refreshToken: OpaqueToken?, jti: String) throws {
        try grants.start(grant, refreshTokenHash: refreshToken?.hash, accessTokenID: jti, accessTokenSeconds: Self.accessSeconds,
                         at: now)
    }

    /// Presents `presented` for rotation into `successor`, registering access token `jti`.
    func rotate(
        _ presented: OpaqueToken, into successor: OpaqueToken, jti: String = OAuthStoreHarness.id(),
        clientID: String = OAuthStoreHarness.clientID, graceSeconds: Int = 0
    ) throws -> RotationOutcome {
        try grants.rotate(presented, successor: successor, clientID: clientID, accessTokenID: jti,
                          accessTokenSeconds: Self.accessSeconds, graceSeconds: graceSeconds, at: now)
    }

    /// Whether `jti` counts as active.
    func isActive(_ jti: String) throws -> Bool { try grants.isAccessTokenActive(jti) }
}

/// The `OAuthStoreError.unavailable` detail `body` throws, or nil when it throws nothing or something else.
func oauthStoreUnavailableDetail<Result>(_ body: () throws -> Result) -> String? {
    do {
        _ = try body()
        return nil
    } catch {
        if case .unavailable(let detail) = error as? OAuthStoreError { return detail }
        return nil
    }
}
