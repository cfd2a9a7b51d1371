import Foundation
import GatewayCore
import GatewayCrypto
import GatewayJOSE
import GatewayOAuth
import GatewayTesting
import Testing

/// RFC 6749 §4.1.3, §5.2, §6; RFC 7636 §4.6; RFC 9700 §4.14.2.
@Suite struct TokenEndpointTests {
    let fixture: OAuthFixture
    init() throws { fixture = try OAuthFixture() }

    private func exchangeFields(_ code: String, client: String = "e-books", verifier: String = OAuthFixture.verifier,
                                redirect: String = "http://127.0.0.1:8091/callback") -> [(String, String)] {
        [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirect), ("code_verifier", verifier)]
    }

    @Test func codeExchangeIssuesIDAccessAndRefreshToken() throws {
        let response = try fixture.exchange(client: "e-books")
        let id = try JWS.verify(try #require(response.idToken), keys: fixture.keys)
        #expect(id.header.algorithm.rawValue == "RS256" && id.claims["nonce"] == .string("n-1") && id.claims["aud"] == .string("e-books"))
        #expect(response.refreshToken != nil && response.scope == ["openid", "offline_access"])
        #expect(try fixture.introspect(response.accessToken, as: "e-books")["active"] == .bool(true))
    }

    @Test func withoutOfflineAccessThereIsNoRefreshToken() throws {
        #expect(try fixture.exchange(client: "e-books", scopes: ["openid"]).refreshToken == nil)
    }

    @Test func aCodeWorksOnceAndItsReplayRevokesWhatItIssued() throws {
        let code = try fixture.code(for: "e-books")
        let first = try fixture.token(exchangeFields(code), client: "e-books")
        let replay = oauthError { _ = try fixture.token(exchangeFields(code), client: "e-books") }
        #expect(replay?.code == .invalidGrant)
        #expect(try fixture.introspect(first.accessToken, as: "e-books") == Introspection.inactive)
        let refresh = try #require(first.refreshToken)
        #expect(oauthError { _ = try fixture.token([("grant_type", "refresh_token"), ("refresh_token", refresh)], client: "e-books") }?.code == .invalidGrant)
    }

    @Test(arguments: ["wrong-verifier", "redirect", "client"])
    func aCodeIsBoundToItsClientRedirectURIAndVerifier(variant: String) throws {
        let code = try fixture.code(for: "e-books")
        var fields = exchangeFields(code)
        var client = "e-books"
        switch variant {
        case "wrong-verifier": fields = exchangeFields(code, verifier: String(repeating: "a", count: 43))
        case "redirect": fields = exchangeFields(code, redirect: "http://127.0.0.1:8091/other")
        default: client = "leesclub"
        }
        #expect(oauthError { _ = try fixture.token(fields, client: client) }?.code == .invalidGrant)
    }

    @Test func expiredAndUnknownCodesAreInvalidGrant() throws {
        let code = try fixture.code(for: "e-books")
        fixture.clock.advance(by: 61)
        #expect(oauthError { _ = try fixture.token(exchangeFields(code), client: "e-books") }?.code == .invalidGrant)
        #expect(oauthError { _ = try fixture.token(exchangeFields("not-a-code"), client: "e-books") }?.code == .invalidGrant)
    }

    @Test func missingParametersGrantTypesAndClientsGetTheirRFCErrors() throws {
        #expect(oauthError { _ = try fixture.token([("code", "x")], client: "e-books") }?.code == .invalidRequest)
        #expect(oauthError { _ = try fixture.token([("grant_type", "password")], client: "e-books") }?.code == .unsupportedGrantType)
        #expect(oauthError { _ = try fixture.token([("grant_type", "authorization_code")], client: "e-books") }?.code == .invalidRequest)
        #expect(oauthError { _ = try fixture.token([("grant_type", "authorization_code")], client: "nobody") }?.code == .invalidClient)
        let twice = [("grant_type", "refresh_token"), ("grant_type", "refresh_token")]
        #expect(oauthError { _ = try fixture.token(twice, client: "e-books") }?.code == .invalidRequest)
    }

    @Test func wrongSecretIsInvalidClientAndBasicGetsAChallenge() throws {
        let post = OAuthParameters([("grant_type", "refresh_token"), ("client_id", "leesclub"), ("client_secret", "wrong")])
        let error = oauthError { _ = try fixture.tokenEndpoint.handle(authorization: nil, parameters: post) }
        #expect(error?.code == .invalidClient && error?.status == 401 && error?.challenge == nil)
        let basic = "Basic " + Base64URL.encode("leesclub:wrong").replacingOccurrences(of: "-", with: "+")
        let challenged = oauthError { _ = try fixture.tokenEndpoint.handle(authorization: basic, parameters: OAuthParameters([("grant_type", "refresh_token")])) }
        #expect(challenged?.code == .invalidClient && challenged?.challenge?.hasPrefix("Basic") == true)
    }

    @Test func refreshRotatesAndReuseRevokesTheFamily() throws {
        let first = try #require(try fixture.exchange(client: "e-books").refreshToken)
        let second = try fixture.token([("grant_type", "refresh_token"), ("refresh_token", first)], client: "e-books")
        let successor = try #require(second.refreshToken)
        #expect(successor != first && second.idToken == nil)
        #expect(oauthError { _ = try fixture.token([("grant_type", "refresh_token"), ("refresh_token", first)], client: "e-books") }?.code == .invalidGrant)
        #expect(oauthError { _ = try fixture.token([("grant_type", "refresh_token"), ("refresh_token", successor)], client: "e-books") }?.code == .invalidGrant)
        #expect(try fixture.introspect(second.accessToken, as: "e-books") == Introspection.inactive)
    }

    @Test func refreshTokensAreBoundToTheirClient() throws {
        let refresh = try #require(try fixture.exchange(client: "e-books").refreshToken)
        #expect(oauthError { _ = try fixture.token([("grant_type", "refresh_token"), ("refresh_token", refresh)], client: "leesclub") }?.code == .invalidGrant)
        #expect(try fixture.token([("grant_type", "refresh_token"), ("refresh_token", refresh)], client: "e-books").refreshToken != nil)
    }

    @Test func refreshScopeNarrowsButNeverWidens() throws {
        let refresh = try #require(try fixture.exchange(client: "leesclub", scopes: ["openid", "offline_access"]).refreshToken)
        let narrowed = try fixture.token([("grant_type", "refresh_token"), ("refresh_token", refresh), ("scope", "openid email")], client: "leesclub")
        #expect(narrowed.scope == ["openid"])
        let claims = try JWS.verify(narrowed.accessToken, keys: fixture.keys).claims
        #expect(claims["email"] == nil && claims["preferred_username"] == nil)
    }

    @Test func restrictedPatronsGetNoTokens() throws {
        let code = try fixture.code(for: "e-books")
        fixture.patrons.restrict()
        #expect(oauthError { _ = try fixture.token(exchangeFields(code), client: "e-books") }?.code == .invalidGrant)
    }

    @Test func graceWindowReturnsTheSameSuccessorOnce() throws {
        let graceful = try OAuthFixture(graceSeconds: 5)
        let first = try #require(try graceful.exchange(client: "leesclub").refreshToken)
        let rotated = try graceful.token([("grant_type", "refresh_token"), ("refresh_token", first)], client: "leesclub")
        let retried = try graceful.token([("grant_type", "refresh_token"), ("refresh_token", first)], client: "leesclub")
        #expect(retried.refreshToken == rotated.refreshToken)
        graceful.clock.advance(by: 6)
        #expect(oauthError { _ = try graceful.token([("grant_type", "refresh_token"), ("refresh_token", first)], client: "leesclub") }?.code == .invalidGrant)
        let successor = try #require(rotated.refreshToken)
        #expect(oauthError { _ = try graceful.token([("grant_type", "refresh_token"), ("refresh_token", successor)], client: "leesclub") }?.code == .invalidGrant)
    }
}
