import Foundation
import GatewayTesting
import Testing

private let inactive = #"{"active":false}"#
private let basicChallenge = #"Basic realm="gateway", charset="UTF-8""#

/// The token, userinfo, introspection and revocation endpoints' answers to wrong requests,
/// over real HTTP against a real gateway with both demo policies: exact status, headers
/// and JSON.
@Suite struct OIDCTokenConformanceTests {
    // MARK: token endpoint

    /// RFC 6749 §3.2 and §4.1.3: the body must be application/x-www-form-urlencoded.
    @Test func tokenRequestInAnotherContentTypeIsInvalidRequest() throws {
        let harness = try OIDCHarness()
        let response = try harness.post("/token", [], as: .readingTipper, contentType: "application/json",
                                        body: #"{"grant_type":"authorization_code","code":"x"}"#)
        expectOAuthError(response, status: 400, error: "invalid_request")
    }

    /// RFC 6749 §4.1.3 and §5.2: grant_type is REQUIRED.
    @Test func tokenRequestWithoutGrantTypeIsInvalidRequest() throws {
        let harness = try OIDCHarness()
        expectOAuthError(try harness.post("/token", [("code", "x")], as: .readingTipper), status: 400, error: "invalid_request")
    }

    /// RFC 6749 §3.2: "parameters MUST NOT be included more than once"; the code is not spent.
    @Test func tokenRequestWithARepeatedParameterIsInvalidRequest() throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        let code = try harness.code(.readingTipper)
        let fields = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", RelyingParty.readingTipper.redirectURI),
                      ("code_verifier", OIDCHarness.verifier)]
        expectOAuthError(try harness.post("/token", fields + [("code", code)], as: .readingTipper), status: 400, error: "invalid_request")
        expectOAuthError(try harness.post("/token", fields + [("grant_type", "refresh_token")], as: .readingTipper), status: 400,
                         error: "invalid_request")
        #expect(try harness.post("/token", fields, as: .readingTipper).status == 200)
    }

    /// RFC 6749 §5.2: a grant type the server does not serve is `unsupported_grant_type`.
    @Test(arguments: ["password", "client_credentials", "implicit", "urn:ietf:params:oauth:grant-type:device_code"])
    func grantTypeTheGatewayDoesNotServeIsUnsupported(grantType: String) throws {
        let harness = try OIDCHarness()
        let response = try harness.post("/token", [("grant_type", grantType), ("username", "a"), ("password", "b")], as: .readingTipper)
        expectOAuthError(response, status: 400, error: "unsupported_grant_type")
    }

    /// RFC 6749 §5.2: a client that authenticated with HTTP Basic and failed gets 401 and a
    /// Basic challenge; with the right secret the same request reaches the grant.
    @Test func wrongClientSecretIs401WithABasicChallenge() throws {
        let harness = try OIDCHarness()
        let fields = [("grant_type", "authorization_code"), ("code", "unknown-code"), ("redirect_uri", RelyingParty.readingTipper.redirectURI),
                      ("code_verifier", OIDCHarness.verifier)]
        let wrong = try harness.post("/token", fields, as: .readingTipper, secret: harness.tipperSecret + "x")
        expectOAuthError(wrong, status: 401, error: "invalid_client", challenge: basicChallenge)
        expectOAuthError(try harness.post("/token", fields, as: .readingTipper), status: 400, error: "invalid_grant")
    }

    /// RFC 6749 §4.1.3: redirect_uri must be identical to the authorization request's.
    @Test func codeExchangedWithAnotherRedirectURIIsInvalidGrant() throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        let code = try harness.code(.readingTipper)
        let response = try harness.post("/token", [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", "http://127.0.0.1:8090/other"),
                                                   ("code_verifier", OIDCHarness.verifier)], as: .readingTipper)
        expectOAuthError(response, status: 400, error: "invalid_grant")
    }

    /// RFC 7636 §4.6: a verifier whose S256 hash is not the challenge is `invalid_grant`.
    @Test func wrongPKCEVerifierIsInvalidGrant() throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        let code = try harness.code(.eBooks)
        let response = try harness.post("/token", [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", RelyingParty.eBooks.redirectURI),
                                                   ("code_verifier", String(repeating: "a", count: 43))], as: .eBooks)
        expectOAuthError(response, status: 400, error: "invalid_grant")
    }

    /// RFC 6749 §4.1.2 and §10.5: a code is single-use; the second use is refused and what
    /// the first use issued is revoked. The first answer is a token response never cached (§5.1).
    @Test func replayedCodeIsRefusedAndRevokesTheTokensOfItsFirstUse() throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        let code = try harness.code(.readingTipper)
        let fields = [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", RelyingParty.readingTipper.redirectURI),
                      ("code_verifier", OIDCHarness.verifier)]
        let first = try harness.post("/token", fields, as: .readingTipper)
        #expect(first.status == 200)
        #expect(first.header("cache-control") == "no-store" && first.header("pragma") == "no-cache")
        #expect(first.header("content-type")?.hasPrefix("application/json") == true)
        let tokens = json(first)
        #expect(Set(tokens.keys) == ["access_token", "token_type", "expires_in", "scope", "id_token", "refresh_token"])
        let accessToken = try #require(tokens["access_token"] as? String), refreshToken = try #require(tokens["refresh_token"] as? String)
        #expect(try harness.introspect(accessToken, as: .readingTipper)["active"] as? Bool == true)
        expectOAuthError(try harness.post("/token", fields, as: .readingTipper), status: 400, error: "invalid_grant")
        #expect(try harness.post("/introspect", [("token", accessToken)], as: .readingTipper).text == inactive)
        expectOAuthError(try harness.refresh(refreshToken, as: .readingTipper), status: 400, error: "invalid_grant")
    }

    /// RFC 6749 §4.1.3: the code must have been issued to the authenticated client.
    @Test func codeOfAnotherClientIsInvalidGrant() throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        let code = try harness.code(.eBooks)
        let response = try harness.post("/token", [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", RelyingParty.eBooks.redirectURI),
                                                   ("code_verifier", OIDCHarness.verifier)], as: .readingTipper)
        expectOAuthError(response, status: 400, error: "invalid_grant")
    }

    /// RFC 9700 §4.14.2, RFC 6749 §10.4: refresh tokens rotate; presenting a rotated one
    /// again revokes the whole family — the successor and its access token too.
    @Test func refreshTokenReuseRevokesFamily() throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        let tokens = try harness.tokens(.eBooks)
        let original = try #require(tokens["refresh_token"] as? String)
        let rotated = try harness.refresh(original, as: .eBooks)
        #expect(rotated.status == 200 && rotated.header("cache-control") == "no-store")
        let successor = try #require(json(rotated)["refresh_token"] as? String)
        let successorAccess = try #require(json(rotated)["access_token"] as? String)
        #expect(successor != original)
        expectOAuthError(try harness.refresh(original, as: .eBooks), status: 400, error: "invalid_grant")
        expectOAuthError(try harness.refresh(successor, as: .eBooks), status: 400, error: "invalid_grant")
        #expect(try harness.post("/introspect", [("token", successorAccess)], as: .eBooks).text == inactive)
    }

    /// RFC 6749 §6: a refresh token works only for the client it was issued to; another
    /// client's attempt neither succeeds nor spends it.
    @Test func refreshTokenOfAnotherClientIsInvalidGrant() throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        let refreshToken = try #require(try harness.tokens(.eBooks)["refresh_token"] as? String)
        expectOAuthError(try harness.refresh(refreshToken, as: .readingTipper), status: 400, error: "invalid_grant")
        #expect(try harness.refresh(refreshToken, as: .eBooks).status == 200)
    }

    // MARK: userinfo

    /// RFC 6750 §3.1: without any token, 401 with a Bearer challenge that carries no error
    /// code ("the resource server SHOULD NOT include an error code").
    @Test func userinfoWithoutATokenIs401WithABearerChallenge() throws {
        let harness = try OIDCHarness()
        let response = try rawRequest(port: harness.gateway.port, "GET", "/userinfo")
        #expect(response.status == 401)
        #expect(response.header("www-authenticate")?.hasPrefix(#"Bearer realm="gateway""#) == true)
        #expect(response.header("cache-control") == "no-store")
        #expect(response.header("www-authenticate") == #"Bearer realm="gateway""#)
    }

    /// RFC 6750 §3.1: a malformed, forged or tampered token is `invalid_token` (401).
    @Test func userinfoWithABadTokenIs401InvalidToken() throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        let accessToken = try #require(try harness.tokens(.eBooks)["access_token"] as? String)
        let tampered = String(accessToken.dropLast(2)) + (accessToken.hasSuffix("AA") ? "BB" : "AA")
        let challenge = #"Bearer realm="gateway", error="invalid_token", error_description="The access token is invalid, expired or revoked.""#
        for token in ["not-a-token", tampered] {
            let response = try rawRequest(port: harness.gateway.port, "GET", "/userinfo", headers: ["Authorization": "Bearer \(token)"])
            expectOAuthError(response, status: 401, error: "invalid_token", challenge: challenge)
        }
        let good = try rawRequest(port: harness.gateway.port, "GET", "/userinfo", headers: ["Authorization": "Bearer \(accessToken)"])
        #expect(good.status == 200)
    }

    /// RFC 6750 §2: "Clients MUST NOT use more than one method to transmit the token".
    @Test func userinfoWithTheTokenInHeaderAndBodyIsInvalidRequest() throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        let accessToken = try #require(try harness.tokens(.eBooks)["access_token"] as? String)
        let response = try rawRequest(port: harness.gateway.port, "POST", "/userinfo",
                                      headers: ["Authorization": "Bearer \(accessToken)", "Content-Type": "application/x-www-form-urlencoded"],
                                      body: "access_token=\(accessToken)")
        expectOAuthError(response, status: 400, error: "invalid_request")
    }

    // MARK: introspection

    /// RFC 7662 §2.1: the endpoint requires client authentication.
    @Test func introspectionWithoutClientAuthenticationIs401() throws {
        let harness = try OIDCHarness()
        expectOAuthError(try harness.post("/introspect", [("token", "x")], as: nil), status: 401, error: "invalid_client")
        let wrong = try harness.post("/introspect", [("token", "x")], as: .readingTipper, secret: "wrong")
        expectOAuthError(wrong, status: 401, error: "invalid_client", challenge: basicChallenge)
    }

    /// RFC 7662 §2.2: another client's token and a revoked token read exactly `{"active":false}`.
    @Test func introspectionOfAnotherClientsOrARevokedTokenReadsInactive() throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        let accessToken = try #require(try harness.tokens(.eBooks)["access_token"] as? String)
        let other = try harness.post("/introspect", [("token", accessToken)], as: .readingTipper)
        #expect(other.status == 200 && other.text == inactive && other.header("cache-control") == "no-store")
        #expect(try harness.introspect(accessToken, as: .eBooks)["active"] as? Bool == true)
        #expect(try harness.post("/revoke", [("token", accessToken)], as: .eBooks).status == 200)
        #expect(try harness.post("/introspect", [("token", accessToken)], as: .eBooks).text == inactive)
    }

    // MARK: revocation

    /// RFC 7009 §2.2: an invalid or unknown token is answered with 200.
    @Test func revokingAnUnknownTokenSucceeds() throws {
        let harness = try OIDCHarness()
        for token in ["no-such-token", String(repeating: "A", count: 43), "eyJhbGciOiJFUzI1NiJ9.e30.AAAA"] {
            let response = try harness.post("/revoke", [("token", token)], as: .readingTipper)
            #expect(response.status == 200, "\(token)")
            #expect(response.header("cache-control") == "no-store")
        }
    }

    /// RFC 7009 §2.1 ("the authorization server first validates the client credentials …
    /// and verifies whether the token was issued to the client making the revocation
    /// request"): another client's token is refused and left alone.
    @Test func revokingAnotherClientsTokenIsUnauthorizedClient() throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        let tokens = try harness.tokens(.eBooks)
        for name in ["access_token", "refresh_token"] {
            let token = try #require(tokens[name] as? String)
            expectOAuthError(try harness.post("/revoke", [("token", token)], as: .readingTipper), status: 400, error: "unauthorized_client")
            #expect(try harness.introspect(token, as: .eBooks)["active"] as? Bool == true, "\(name) still active")
        }
    }
}
