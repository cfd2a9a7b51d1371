import Foundation
import GatewayPolicy
import Testing

/// A policy that sets every field to something other than its default.
private let everyField = document(set: [
    "description": #""Line one.\nLine two.""#,
    "token_endpoint_auth_method": #""private_key_jwt""#,
    "jwks": #"{"keys": [{"kty": "EC", "crv": "P-256", "x": "f83O", "y": "x_FE", "use": "sig", "key_ops": ["verify"], "exp": 1800000000}]}"#,
    "post_logout_redirect_uris": #"["https://app.example/bye"]"#,
    "backchannel_logout_uri": #""https://app.example/logout""#,
    "backchannel_logout_session_required": "false",
    "policy_uri": #""https://app.example/privacy""#,
    "libraries": #"["bibliotheek-noord"]"#,
    "allowed_scopes": #"["openid", "email", "offline_access"]"#,
    "extra_consents": #"[{"id": "loan_history", "description": "Your loan history, for better tips."}]"#,
    "id_token_signed_response_alg": #""EdDSA""#,
    "subject_type": #""public""#,
    "token_lifetimes": #"{"access_token_seconds": 300, "id_token_seconds": 900, "refresh_token_idle_seconds": 86400, "refresh_token_absolute_seconds": 604800, "authorization_code_seconds": 30}"#,
    "refresh_token_reuse_grace_seconds": "5",
    "active": "false",
])

@Suite struct PolicyCodingTests {
    @Test(arguments: [everyField, document(), document(set: ["jwks_uri": #""https://app.example/jwks""#,
                                                             "token_endpoint_auth_method": #""private_key_jwt""#])])
    func encodingThenParsingGivesAnEqualPolicy(text: String) throws {
        let policy = try parse(text)
        let encoded = try JSONEncoder().encode(policy)
        #expect(try PolicyParser.parse(Array(encoded)) == policy)
        #expect(try JSONDecoder().decode(ApplicationPolicy.self, from: encoded) == policy)
    }

    @Test func demoPoliciesRoundTrip() throws {
        for policy in try PolicyParser.loadDirectory(demoPoliciesDirectory) {
            let encoded = try JSONEncoder().encode(policy)
            #expect(try PolicyParser.parse(Array(encoded)) == policy)
        }
    }

    @Test func encodingUsesTheFileFormat() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let text = String(decoding: try encoder.encode(try parse(everyField)), as: UTF8.self)
        #expect(text.contains(#""client_id":"test-app""#))
        #expect(text.contains(#""libraries":["bibliotheek-noord"]"#))
        #expect(text.contains(#""token_endpoint_auth_method":"private_key_jwt""#))
        #expect(text.contains(#""exp":1800000000"#))
        #expect(text.contains(#""refresh_token_idle_seconds":86400"#))
        #expect(!text.contains("client_secret_hash"))
    }

    @Test func decodingValidatesLikeParsing() {
        let invalid = Data(document(set: ["id_token_signed_response_alg": #""none""#]).utf8)
        #expect(throws: InvalidPolicyError.self) { try JSONDecoder().decode(ApplicationPolicy.self, from: invalid) }
    }
}
