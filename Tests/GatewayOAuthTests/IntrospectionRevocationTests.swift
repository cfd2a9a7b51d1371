import Foundation
import GatewayCore
import GatewayCrypto
import GatewayOAuth
import GatewayTesting
import Testing

/// RFC 7662 §2, RFC 7009 §2, OIDC Core §5.3.
@Suite struct IntrospectionRevocationTests {
    let fixture: OAuthFixture
    init() throws { fixture = try OAuthFixture() }

    private func revoke(_ token: String, as client: String) throws(OAuthError) {
        try fixture.revocation.handle(authorization: nil, parameters: OAuthParameters(OAuthFixture.authenticate([("token", token)], client: client)))
    }

    @Test func anApplicationSeesOnlyItsOwnTokens() throws {
        let tokens = try fixture.exchange(client: "e-books")
        #expect(try fixture.introspect(tokens.accessToken, as: "leesclub") == Introspection.inactive)
        #expect(try fixture.introspect(try #require(tokens.refreshToken), as: "leesclub") == Introspection.inactive)
        let own = try fixture.introspect(try #require(tokens.refreshToken), as: "e-books")
        #expect(own["active"] == .bool(true) && own["token_type"] == .string("refresh_token") && own["sub"] == .string(patronID))
    }

    @Test func introspectionNeverWidensWhatTheTokenCarried() throws {
        let tokens = try fixture.exchange(client: "e-books", scopes: ["openid", "offline_access"])
        let answer = try fixture.introspect(tokens.accessToken, as: "e-books")
        #expect(Set(answer.keys) == ["active", "client_id", "scope", "token_type", "sub", "mylibrary_id", "library", "iss", "aud", "iat",
                                      "nbf", "exp", "jti"])
    }

    @Test func garbageExpiredAndUnauthenticatedRequests() throws {
        #expect(try fixture.introspect("garbage", as: "e-books") == Introspection.inactive)
        let tokens = try fixture.exchange(client: "e-books")
        fixture.clock.advance(by: 601)
        #expect(try fixture.introspect(tokens.accessToken, as: "e-books") == Introspection.inactive)
        let anonymous = oauthError { _ = try fixture.introspection.handle(authorization: nil, parameters: OAuthParameters([("token", "x")])) }
        #expect(anonymous?.code == .invalidClient)
    }

    @Test func revokingARefreshTokenEndsTheWholeGrant() throws {
        let tokens = try fixture.exchange(client: "e-books")
        try revoke(try #require(tokens.refreshToken), as: "e-books")
        #expect(try fixture.introspect(tokens.accessToken, as: "e-books") == Introspection.inactive)
        #expect(try fixture.introspect(try #require(tokens.refreshToken), as: "e-books") == Introspection.inactive)
    }

    @Test func revokingAnAccessTokenEndsOnlyIt() throws {
        let tokens = try fixture.exchange(client: "e-books")
        try revoke(tokens.accessToken, as: "e-books")
        #expect(try fixture.introspect(tokens.accessToken, as: "e-books") == Introspection.inactive)
        #expect(try fixture.introspect(try #require(tokens.refreshToken), as: "e-books")["active"] == .bool(true))
        #expect(oauthError { _ = try fixture.userinfo.handle(token: tokens.accessToken) }?.code == .invalidToken)
    }

    @Test func unknownTokensRevokeSilentlyAndOtherClientsAreRefused() throws {
        try revoke("unknown", as: "e-books")
        try revoke(String(repeating: "A", count: 43), as: "e-books")
        let tokens = try fixture.exchange(client: "e-books")
        #expect(oauthError { try revoke(tokens.accessToken, as: "leesclub") }?.code == .unauthorizedClient)
        #expect(try fixture.introspect(tokens.accessToken, as: "e-books")["active"] == .bool(true))
    }

    @Test func userinfoFollowsThePolicyNotTheRequest() throws {
        let books = try fixture.exchange(client: "e-books", scopes: ["openid"])
        #expect(Set(try fixture.userinfo.handle(token: books.accessToken).keys) == ["sub", "mylibrary_id", "library"])
        let club = try fixture.exchange(client: "leesclub", scopes: ["openid", "profile", "email"])
        #expect(Set(try fixture.userinfo.handle(token: club.accessToken).keys)
                == ["sub", "mylibrary_id", "library", "preferred_username", "email", "email_verified"])
        fixture.patrons.restrict()
        #expect(oauthError { _ = try fixture.userinfo.handle(token: club.accessToken) }?.code == .invalidToken)
    }

    @Test func bearerTokenComesFromExactlyOnePlace() throws {
        #expect(try Userinfo.bearerToken(authorization: "Bearer abc", formToken: nil) == "abc")
        #expect(try Userinfo.bearerToken(authorization: nil, formToken: "abc") == "abc")
        #expect(oauthError { _ = try Userinfo.bearerToken(authorization: "Bearer abc", formToken: "abc") }?.code == .invalidRequest)
        #expect(oauthError { _ = try Userinfo.bearerToken(authorization: nil, formToken: nil) }?.code == .invalidToken)
        #expect(oauthError { _ = try Userinfo.bearerToken(authorization: "Basic abc", formToken: nil) }?.code == .invalidRequest)
    }
}

@Suite struct VerifiedTokenCacheTests {
    @Test func keepsOnlyUnexpiredTokensAndStaysBounded() {
        let cache = VerifiedTokenCache(capacity: 2)
        let now = Instant(secondsSinceEpoch: 1_000)
        cache.remember("a", claims: ["exp": .number(1_010)], now: now)
        cache.remember("expired", claims: ["exp": .number(999)], now: now)
        cache.remember("no-exp", claims: [:], now: now)
        #expect(cache.claims(of: "a", now: now)?["exp"] == .number(1_010) && cache.count == 1)
        #expect(cache.claims(of: "a", now: Instant(secondsSinceEpoch: 1_010)) == nil && cache.count == 0)
        for name in ["b", "c", "d"] { cache.remember(name, claims: ["exp": .number(2_000)], now: now) }
        #expect(cache.count <= 2 && cache.claims(of: "d", now: now) != nil)
    }

    @Test func aForgedCopyOfACachedTokenIsStillRefused() throws {
        let fixture = try OAuthFixture()
        let token = try fixture.exchange(client: "e-books").accessToken
        #expect(fixture.verifier.accessToken(token, now: fixture.clock.now()) != nil)
        var parts = token.split(separator: ".").map(String.init)
        parts[2] = String(parts[2].reversed())
        #expect(fixture.verifier.accessToken(parts.joined(separator: "."), now: fixture.clock.now()) == nil)
    }
}
