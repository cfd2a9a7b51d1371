import GatewayCore
import GatewayOAuth
import GatewayRedis
import GatewayTesting
import Testing

/// What only the Redis code and grant stores can show: their keys, TTLs, round trips, and
/// failing closed.
@Suite struct OAuthRedisStoreTests {
    /// A code saved and one consumed, a refresh grant rotated once, a grant without refresh token.
    private func populate(_ harness: OAuthStoreHarness) throws -> [OpaqueToken] {
        let tokens = (0..<5).map { _ in OAuthStoreHarness.token() }
        try harness.codes.save(harness.code(), codeHash: tokens[0].hash, ttlSeconds: 60)
        try harness.codes.save(harness.code(), codeHash: tokens[1].hash, ttlSeconds: 60)
        _ = try harness.codes.consume(codeHash: tokens[1].hash)
        try harness.start(harness.grant(), refreshToken: tokens[2], jti: "at-1")
        _ = try harness.rotate(tokens[2], into: tokens[3], jti: "at-2", graceSeconds: 10)
        try harness.start(harness.grant(), refreshToken: nil, jti: "at-3")
        return tokens
    }

    @Test func everyKeyWrittenHasATTL() throws {
        let harness = try OAuthStoreHarness(.redis)
        let redis = try #require(harness.redis)
        _ = try populate(harness)

        let keys = try redis.keys()
        #expect(keys.count == 9, "2 codes, 2 grants, 2 refresh tokens, 3 access tokens: \(keys)")
        for key in keys { #expect(try redis.millisecondsToLive(key) > 0, "\(key)") }
    }

    @Test func redisHoldsNoCodeOrRefreshTokenValue() throws {
        let harness = try OAuthStoreHarness(.redis)
        let redis = try #require(harness.redis)
        let tokens = try populate(harness)

        let dump = try redis.dump()
        for token in tokens { #expect(!dump.contains(token.value)) }
        #expect(try redis.keys().contains("lg:code:" + tokens[0].hash))
        #expect(try redis.keys().contains("lg:refresh:" + tokens[3].hash))
        #expect(try redis.fields("lg:refresh:" + tokens[2].hash)["sealed"] == tokens[2].seal(tokens[3]))
    }

    @Test func consumedCodeKeepsOnlyTheReplayMarker() throws {
        let harness = try OAuthStoreHarness(.redis)
        let redis = try #require(harness.redis)
        let value = OAuthStoreHarness.token()
        let code = harness.code()
        try harness.codes.save(code, codeHash: value.hash, ttlSeconds: 60)
        _ = try harness.codes.consume(codeHash: value.hash)

        let fields = try redis.fields("lg:code:" + value.hash)
        #expect(fields.keys.sorted() == ["consumed", "expires", "grant"])
        #expect(fields["grant"] == code.grantID)
        #expect(try (50_000...60_000).contains(redis.millisecondsToLive("lg:code:" + value.hash)), "the code's own TTL")
    }

    @Test func ttlsFollowTheLifetimes() throws {
        let harness = try OAuthStoreHarness(.redis)
        let redis = try #require(harness.redis)
        let grant = harness.grant()
        let tokens = (0..<3).map { _ in OAuthStoreHarness.token() }
        try harness.start(grant, refreshToken: tokens[0], jti: "at-1")
        try harness.start(harness.grant(), refreshToken: nil, jti: "at-short")
        let grantKey = "lg:grant:" + grant.grantID
        #expect(try (590_000...600_000).contains(redis.millisecondsToLive(grantKey)), "idle timeout")
        #expect(try (590_000...600_000).contains(redis.millisecondsToLive("lg:refresh:" + tokens[0].hash)))
        #expect(try (290_000...300_000).contains(redis.millisecondsToLive("lg:access:at-1")), "access token lifetime")
        #expect(try (290_000...300_000).contains(redis.millisecondsToLive("lg:access:at-short")))

        harness.clock.advance(by: 500)
        #expect(try harness.rotate(tokens[0], into: tokens[1], jti: "at-2", graceSeconds: 5) == .rotated(grant))
        for key in [grantKey, "lg:refresh:" + tokens[0].hash, "lg:refresh:" + tokens[1].hash] {
            #expect(try (490_000...500_000).contains(redis.millisecondsToLive(key)), "500 s left of the absolute end: \(key)")
        }
        #expect(try (290_000...300_000).contains(redis.millisecondsToLive("lg:access:at-2")))
    }

    /// One round trip each once Redis knows the scripts (`EVALSHA`); the first use of a
    /// script after Redis starts costs one more (`NOSCRIPT`, then `EVAL` with the source).
    @Test func everyOperationIsOneRoundTrip() throws {
        let harness = try OAuthStoreHarness(.redis)
        let redis = try #require(harness.redis)
        for pass in 1...2 {
            for (name, operation) in Self.operations(harness) {
                let sent = try redis.commandsSent(by: operation)
                if pass == 1 {
                    #expect(sent == 1 || sent == 2, "\(name), scripts not loaded yet")
                } else {
                    #expect(sent == 1, "\(name)")
                }
            }
        }
    }

    /// Every store operation once, each kind of outcome, on fresh codes, tokens and a grant.
    private static func operations(_ harness: OAuthStoreHarness) -> [(String, () throws -> Void)] {
        let code = OAuthStoreHarness.token()
        let tokens = (0..<5).map { _ in OAuthStoreHarness.token() }
        let grant = harness.grant()
        let accessIDs = (1...3).map { _ in OAuthStoreHarness.id() }
        return [
            ("save", { try harness.codes.save(harness.code(), codeHash: code.hash, ttlSeconds: 60) }),
            ("consume fresh", { _ = try harness.codes.consume(codeHash: code.hash) }),
            ("consume replayed", { _ = try harness.codes.consume(codeHash: code.hash) }),
            ("start", { try harness.start(grant, refreshToken: tokens[0], jti: accessIDs[0]) }),
            ("rotate", { _ = try harness.rotate(tokens[0], into: tokens[1], jti: accessIDs[1], graceSeconds: 10) }),
            ("retry", { _ = try harness.rotate(tokens[0], into: tokens[2], jti: accessIDs[2], graceSeconds: 10) }),
            ("invalid", { _ = try harness.rotate(tokens[4], into: tokens[2]) }),
            ("grant lookup", { _ = try harness.grants.grant(refreshTokenHash: tokens[1].hash, at: harness.now) }),
            ("introspection", { _ = try harness.isActive(accessIDs[1]) }),
            ("revoke access token", { try harness.grants.revoke(accessTokenID: accessIDs[1]) }),
            ("reuse", { _ = try harness.rotate(tokens[0], into: tokens[3]) }),
            ("revoke grant", { try harness.grants.revoke(grantID: grant.grantID) }),
        ]
    }

    @Test func redisDownMakesEveryOperationUnavailableUntilItIsBack() throws {
        let harness = try OAuthStoreHarness(.redis)
        let redis = try #require(harness.redis)
        let code = harness.code()
        let grant = harness.grant()
        let tokens = (0..<2).map { _ in OAuthStoreHarness.token() }
        try harness.start(grant, refreshToken: tokens[0], jti: "at-1")

        redis.server.stop()
        let details = [
            oauthStoreUnavailableDetail { try harness.codes.save(code, codeHash: tokens[1].hash, ttlSeconds: 60) },
            oauthStoreUnavailableDetail { try harness.codes.consume(codeHash: tokens[1].hash) },
            oauthStoreUnavailableDetail { try harness.start(grant, refreshToken: tokens[0], jti: "at-1") },
            oauthStoreUnavailableDetail { try harness.rotate(tokens[0], into: tokens[1]) },
            oauthStoreUnavailableDetail { try harness.grants.revoke(grantID: grant.grantID) },
            oauthStoreUnavailableDetail { try harness.grants.grant(refreshTokenHash: tokens[0].hash, at: harness.now) },
            oauthStoreUnavailableDetail { try harness.isActive("at-1") },
            oauthStoreUnavailableDetail { try harness.grants.revoke(accessTokenID: "at-1") },
        ]
        for detail in details {
            let text = try #require(detail, "every operation throws .unavailable")
            let secrets = [tokens[0].value, tokens[0].hash, grant.grantID, grant.mylibraryID, code.mylibraryID, "at-1"]
            #expect(!secrets.contains { text.contains($0) }, "\(text)")
        }

        try redis.server.start()
        try harness.start(grant, refreshToken: tokens[0], jti: "at-1")
        #expect(try harness.rotate(tokens[0], into: tokens[1]) == .rotated(grant))
    }

    @Test func scriptErrorIsUnavailableWithoutEchoingTheCommand() throws {
        let harness = try OAuthStoreHarness(.redis)
        let redis = try #require(harness.redis)
        let grant = harness.grant()
        _ = try redis.client.command(["SET", "lg:grant:" + grant.grantID, "not a hash"])

        let detail = try #require(oauthStoreUnavailableDetail { try harness.start(grant, refreshToken: nil, jti: "at-1") })
        #expect(detail.hasPrefix("script refused: "), "\(detail)")
        #expect(!detail.contains(grant.grantID) && !detail.contains("at-1"))
    }
}
