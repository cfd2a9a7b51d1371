import GatewayCore
import GatewayOAuth
import GatewayTesting
import Testing

/// What every `GrantStore` promises about access tokens and revocation (RFC 7009, RFC 7662
/// `active`), checked against the in-memory and the Redis store.
@Suite struct GrantStoreRevocationContractTests {
    @Test(arguments: OAuthBackend.allCases)
    func revokingTheGrantEndsItsRefreshAndAccessTokens(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let grant = harness.grant()
        let tokens = (0..<3).map { _ in OAuthStoreHarness.token() }
        try harness.start(grant, refreshToken: tokens[0], jti: "at-1")
        #expect(try harness.rotate(tokens[0], into: tokens[1], jti: "at-2") == .rotated(grant))

        try harness.grants.revoke(grantID: grant.grantID)
        #expect(try !harness.isActive("at-1") && !harness.isActive("at-2"))
        #expect(try harness.grants.grant(refreshTokenHash: tokens[1].hash, at: harness.now) == nil)
        #expect(try harness.rotate(tokens[1], into: tokens[2]) == .invalid)
        #expect(try harness.rotate(tokens[0], into: tokens[2]) == .invalid)
        try harness.grants.revoke(grantID: grant.grantID)
    }

    @Test(arguments: OAuthBackend.allCases)
    func revokingOneGrantLeavesTheOthers(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let revoked = harness.grant()
        let kept = harness.grant()
        let tokens = (0..<3).map { _ in OAuthStoreHarness.token() }
        try harness.start(revoked, refreshToken: tokens[0], jti: "at-revoked")
        try harness.start(kept, refreshToken: tokens[1], jti: "at-kept")

        try harness.grants.revoke(grantID: revoked.grantID)
        #expect(try harness.isActive("at-kept") && !harness.isActive("at-revoked"))
        #expect(try harness.rotate(tokens[1], into: tokens[2]) == .rotated(kept))
    }

    @Test(arguments: OAuthBackend.allCases)
    func revokingAnAccessTokenEndsOnlyThatToken(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let grant = harness.grant()
        let tokens = (0..<3).map { _ in OAuthStoreHarness.token() }
        try harness.start(grant, refreshToken: tokens[0], jti: "at-1")
        #expect(try harness.rotate(tokens[0], into: tokens[1], jti: "at-2") == .rotated(grant))

        try harness.grants.revoke(accessTokenID: "at-1")
        #expect(try !harness.isActive("at-1") && harness.isActive("at-2"))
        #expect(try harness.rotate(tokens[1], into: tokens[2]) == .rotated(grant), "the refresh token lives on")
        try harness.grants.revoke(accessTokenID: "at-1")
    }

    @Test(arguments: OAuthBackend.allCases)
    func unknownAccessTokenIsInactive(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        try harness.start(harness.grant(), refreshToken: OAuthStoreHarness.token(), jti: "at-1")
        #expect(try !harness.isActive("at-2"))
        #expect(try !harness.isActive(""))
    }

    @Test(arguments: OAuthBackend.allCases)
    func accessTokenEndsAfterItsLifetimeWhileTheGrantLives(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let grant = harness.grant()
        let tokens = (0..<2).map { _ in OAuthStoreHarness.token() }
        try harness.start(grant, refreshToken: tokens[0], jti: "at-1")

        harness.clock.advance(by: 299)
        #expect(try harness.isActive("at-1"))
        harness.clock.advance(by: 1)
        #expect(try !harness.isActive("at-1"), "300 s: its lifetime")
        #expect(try harness.rotate(tokens[0], into: tokens[1], jti: "at-2") == .rotated(grant))
        #expect(try harness.isActive("at-2"))
    }

    @Test(arguments: OAuthBackend.allCases)
    func grantWithoutRefreshTokenLivesAsLongAsItsAccessToken(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let grant = harness.grant()
        try harness.start(grant, refreshToken: nil, jti: "at-1")

        harness.clock.advance(by: 299)
        #expect(try harness.isActive("at-1"))
        #expect(try harness.rotate(OAuthStoreHarness.token(), into: OAuthStoreHarness.token()) == .invalid)
        harness.clock.advance(by: 1)
        #expect(try !harness.isActive("at-1"))
    }

    @Test(arguments: OAuthBackend.allCases)
    func grantWithoutRefreshTokenCanStillBeRevoked(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let grant = harness.grant()
        try harness.start(grant, refreshToken: nil, jti: "at-1")
        try harness.grants.revoke(grantID: grant.grantID)
        #expect(try !harness.isActive("at-1"))
    }

    @Test(arguments: OAuthBackend.allCases)
    func unknownRefreshTokenIsInvalidAndHasNoGrant(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        try harness.start(harness.grant(), refreshToken: OAuthStoreHarness.token(), jti: "at-1")
        let stranger = OAuthStoreHarness.token()
        #expect(try harness.rotate(stranger, into: OAuthStoreHarness.token()) == .invalid)
        #expect(try harness.grants.grant(refreshTokenHash: stranger.hash, at: harness.now) == nil)
        #expect(try harness.isActive("at-1"))
    }
}
