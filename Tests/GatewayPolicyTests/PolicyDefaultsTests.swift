import GatewayCore
import GatewayPolicy
import Testing

@Suite struct PolicyDefaultsTests {
    @Test func omittedFieldsGetSafeDefaults() throws {
        let policy = try parse(document(remove: ["token_endpoint_auth_method"]))
        #expect(policy.tokenEndpointAuthMethod == .clientSecretBasic)
        #expect(policy.idTokenSignedResponseAlg == .rs256)
        #expect(policy.subjectType == .public)
        #expect(policy.tokenLifetimes == .defaults)
        #expect(policy.tokenLifetimes.accessTokenSeconds == 600)
        #expect(policy.tokenLifetimes.refreshTokenIdleSeconds == 14 * 86_400)
        #expect(policy.tokenLifetimes.refreshTokenAbsoluteSeconds == 30 * 86_400)
        #expect(policy.tokenLifetimes.authorizationCodeSeconds == 60)
        #expect(policy.refreshTokenReuseGraceSeconds == 0)
        #expect(policy.backchannelLogoutSessionRequired)
        #expect(policy.postLogoutRedirectURIs.isEmpty)
        #expect(policy.extraConsents.isEmpty)
        #expect(policy.active)
    }

    @Test func publicClientDefaultsToNoAuthentication() throws {
        let policy = try parse(document(set: ["client_type": #""public""#], remove: ["token_endpoint_auth_method"]))
        #expect(policy.tokenEndpointAuthMethod == .noAuthentication)
    }

    @Test func partialLifetimesKeepTheOtherDefaults() throws {
        let policy = try parse(document(set: ["token_lifetimes": #"{"access_token_seconds": 300}"#]))
        #expect(policy.tokenLifetimes.accessTokenSeconds == 300)
        #expect(policy.tokenLifetimes.idTokenSeconds == 600)
    }

    @Test func emptyPurposeCountsAsAbsentWhenNotNeeded() throws {
        let policy = try parse(document(set: ["allowed_scopes": #"["openid"]"#,
                                              "functional_communication": #"{"needed": false, "purpose": ""}"#]))
        #expect(policy.functionalCommunication.purpose == nil)
        #expect(!policy.disclosesUsernameAndEmail)
    }

    @Test(arguments: [
        "http://127.0.0.1:8090/callback", "http://localhost/cb", "http://[::1]:9000/cb", "https://app.example/cb?tab=1&x=%20",
        "https://app.example:8443/a/b", "https://192.0.2.1/cb", "nl.bibliotheek.app:/callback",
    ])
    func acceptsRedirectURIsOfANativeOrWebApp(uri: String) throws {
        let text = document(set: ["client_type": #""public""#, "token_endpoint_auth_method": #""none""#,
                                  "redirect_uris": "[\"\(uri)\"]", "post_logout_redirect_uris": "[\"\(uri)\"]"])
        #expect(try parse(text).redirectURIs == [uri])
    }

    @Test func acceptsAPrivateKeyJWTClientWithItsKeys() throws {
        let jwks = #"{"keys": [{"kty": "RSA", "kid": "a", "n": "0vx7", "e": "AQAB"}, {"kty": "OKP", "kid": "b", "crv": "Ed25519", "x": "11qY"}]}"#
        let policy = try parse(document(set: ["token_endpoint_auth_method": #""private_key_jwt""#, "jwks": jwks]))
        guard case .jwks(let set) = policy.publicKeys else { Issue.record("expected inline keys"); return }
        guard case .object(let members) = set, case .array(let keys)? = members["keys"] else { Issue.record("not a set"); return }
        #expect(keys.count == 2)
    }

    @Test func keySetWithSeveralKeysNeedsDistinctKeyIDs() {
        let jwks = #"{"keys": [{"kty": "RSA", "kid": "a", "n": "0vx7", "e": "AQAB"}, {"kty": "RSA", "kid": "a", "n": "1abc", "e": "AQAB"}, {"kty": "RSA", "n": "2def", "e": "AQAB"}]}"#
        let found = problems(document(set: ["token_endpoint_auth_method": #""private_key_jwt""#, "jwks": jwks]))
        #expect(found == [
            PolicyValidationError(path: "jwks.keys[1].kid", reason: "duplicate of keys[0].kid"),
            PolicyValidationError(path: "jwks.keys[2].kid", reason: "is required"),
        ])
    }
}
