import Foundation
import GatewayCore
import GatewayCrypto
import GatewayJOSE
import GatewayOAuth
import GatewayPolicy
import GatewayTesting
import Testing

/// RFC 6749 §2.3, RFC 7523 §3 (private_key_jwt), OIDC Core §9.
@Suite struct ClientAuthenticationTests {
    private func credentials(_ authorization: String?, _ pairs: [(String, String)]) -> Result<ClientCredentials, OAuthError> {
        Result { () throws(OAuthError) in try ClientCredentials(authorization: authorization, parameters: OAuthParameters(pairs.map { ($0.0, $0.1) })) }
    }

    @Test func basicCredentialsAreFormDecoded() throws {
        let header = "Basic " + Data("my%20app:p%40ss+word".utf8).base64EncodedString()
        #expect(try credentials(header, []).get() == .basic(clientID: "my app", secret: "p@ss word"))
    }

    @Test func exactlyOneMethodPerRequest() {
        let header = "Basic " + Data("a:b".utf8).base64EncodedString()
        #expect(credentials(header, [("client_secret", "b")]).failure?.code == .invalidRequest)
        #expect(credentials(nil, [("client_id", "a"), ("client_secret", "b"), ("client_assertion", "x"),
                                  ("client_assertion_type", ClientCredentials.jwtBearerType)]).failure?.code == .invalidRequest)
        #expect(credentials(header, [("client_id", "other")]).failure?.code == .invalidRequest)
        #expect(credentials(nil, []).failure?.code == .invalidClient)
        #expect(credentials("Basic !!!", []).failure?.code == .invalidClient)
    }

    @Test func privateKeyJWTAssertionsVerifyOnceAndOnlyForThisServer() throws {
        let key = try SigningKey.generate(.es256)
        let jwk = JSONWebKey(key: key.publicKey)
        let policyJSON = """
            {"client_id": "catalogus", "display_name": "Catalogus", "supplier": "Test B.V.", "client_type": "confidential",
             "token_endpoint_auth_method": "private_key_jwt", "jwks": {"keys": [\(jwk.json)]},
             "redirect_uris": ["https://catalogus.example.org/cb"], "libraries": "*", "allowed_scopes": ["openid"],
             "functional_communication": {"needed": false}, "active": true}
            """
        let policy = try PolicyParser.parse(Array(policyJSON.utf8))
        let clock = ManualClock()
        let authenticator = ClientAuthenticator(
            policies: { $0 == "catalogus" ? policy : nil }, secrets: ClientSecretVerifier(pool: PasswordHashingPool(hasher: Argon2id(parameters: .owaspMinimum))),
            assertions: ClientAssertionVerifier(issuer: "https://login.example.org", endpoints: ["https://login.example.org/token"],
                                                replay: InMemoryAssertionReplayGuard()) { _ in JSONWebKeySet(keys: []) },
            clock: clock)
        func assertion(aud: String = "https://login.example.org/token", iss: String = "catalogus", lifetime: Double = 60, jti: String) throws -> [(String, String)] {
            let claims: JSONValue = .object(["iss": .string(iss), "sub": .string("catalogus"), "aud": .string(aud), "jti": .string(jti),
                                             "exp": .number(clock.now().secondsSinceEpoch + lifetime)])
            let token = try JWS.sign(payload: claims.serializedBytes, key: key, keyID: jwk.keyID, type: "JWT")
            return [("client_assertion", token), ("client_assertion_type", ClientCredentials.jwtBearerType)]
        }
        func authenticate(_ pairs: [(String, String)]) -> Result<String, OAuthError> {
            Result { () throws(OAuthError) in try authenticator.authenticate(authorization: nil, parameters: OAuthParameters(pairs.map { ($0.0, $0.1) })).clientID }
        }
        let first = try assertion(jti: "one")
        #expect(try authenticate(first).get() == "catalogus")
        #expect(authenticate(first).failure?.code == .invalidClient, "a replayed assertion")
        #expect(authenticate(try assertion(aud: "https://elsewhere.example/token", jti: "two")).failure?.code == .invalidClient)
        #expect(authenticate(try assertion(lifetime: 3_600, jti: "three")).failure?.code == .invalidClient)
        #expect(authenticate(try assertion(lifetime: -1, jti: "four")).failure?.code == .invalidClient)
        #expect(authenticate([("client_id", "catalogus")]).failure?.code == .invalidClient, "method none for a private_key_jwt client")
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

@Suite struct ClientSecretHashingTests {
    /// Only a secret that has not verified yet costs Argon2 (and leaves the worker threads).
    @Test func onlyAnUnverifiedSecretWouldHash() throws {
        let fixture = try OAuthFixture()
        let refresh = try #require(try fixture.exchange(client: "leesclub").refreshToken)
        let authenticator = try #require(fixture.authenticator)
        let right = OAuthParameters(OAuthFixture.authenticate([("grant_type", "refresh_token"), ("refresh_token", refresh)], client: "leesclub"))
        #expect(!authenticator.wouldHash(authorization: nil, parameters: right), "verified by the exchange above")
        let wrong = OAuthParameters([("client_id", "leesclub"), ("client_secret", "guess")])
        #expect(authenticator.wouldHash(authorization: nil, parameters: wrong))
        #expect(!authenticator.wouldHash(authorization: nil, parameters: OAuthParameters([("client_id", "e-books")])))
        #expect(!authenticator.wouldHash(authorization: nil, parameters: OAuthParameters([("client_id", "nobody"), ("client_secret", "x")])))
    }

    /// The check runs before every token request: it decodes the form only when the form
    /// may name a client (`client_`, or a `%` that could spell it) or carry a secret.
    @Test func formIsDecodedOnlyWhenItMayNameAClient() throws {
        let authenticator = try #require(try OAuthFixture().authenticator)
        var decoded = 0
        func wouldHash(_ authorization: String?, _ body: String) -> Bool {
            authenticator.wouldHash(authorization: authorization, formBody: Array(body.utf8)) {
                decoded += 1
                return OAuthParameters(body.split(separator: "&").map { pair in
                    let parts = pair.split(separator: "=", maxSplits: 1).map { PercentDecoding.lenient(String($0)) }
                    return (name: parts[0], value: parts.count > 1 ? parts[1] : "")
                })
            }
        }
        let guess = "Basic " + Data("leesclub:guess".utf8).base64EncodedString()
        #expect(!wouldHash(nil, "grant_type=refresh_token&refresh_token=abc&client_id=e-books"))
        #expect(decoded == 0, "a public client's refresh: no secret anywhere")
        #expect(wouldHash(guess, "token=abc"))
        #expect(decoded == 0, "the secret is in the header and the form names no client")
        #expect(wouldHash(nil, "client_id=leesclub&client_secret=guess"))
        #expect(decoded == 1)
        #expect(wouldHash(nil, "client_id=leesclub&%63lient_secret=guess"), "an escaped field name is still found")
        #expect(decoded == 2)
        #expect(!wouldHash(guess, "token=abc&client_id=other"), "two client ids: refused before any hashing")
        #expect(decoded == 3)
    }
}
