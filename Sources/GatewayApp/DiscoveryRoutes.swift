import GatewayCore
import GatewayHTTP

/// `GET /.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §3–§4, RFC 8414):
/// lists exactly what this gateway serves — every endpoint, method and value here is
/// implemented, and nothing that is not is listed. `claims_parameter_supported` is true
/// because the parameter is accepted; it is recorded and never widens what is released.
struct DiscoveryRoutes: Sendable {
    let issuer: String
    let idTokenAlgorithms: [String]
    let maxAgeSeconds: Int

    func register(in router: inout Router) {
        let body = document()
        router.get("/.well-known/openid-configuration") { _ in
            var response = HTTPResponse.json(body)
            response.headers.set("Cache-Control", "public, max-age=\(maxAgeSeconds)")
            return response
        }
    }

    func document() -> String {
        let strings = { (values: [String]) in JSONValue.array(values.map(JSONValue.string)) }
        let authMethods = strings(["client_secret_basic", "client_secret_post", "private_key_jwt", "none"])
        let assertionAlgorithms = strings(["ES256", "RS256", "EdDSA"])
        let metadata: [String: JSONValue] = [
            "issuer": .string(issuer),
            "authorization_endpoint": .string(issuer + "/authorize"),
            "token_endpoint": .string(issuer + "/token"),
            "userinfo_endpoint": .string(issuer + "/userinfo"),
            "introspection_endpoint": .string(issuer + "/introspect"),
            "revocation_endpoint": .string(issuer + "/revoke"),
            "end_session_endpoint": .string(issuer + "/end-session"),
            "jwks_uri": .string(issuer + "/jwks.json"),
            "response_types_supported": strings(["code"]),
            "response_modes_supported": strings(["query"]),
            "grant_types_supported": strings(["authorization_code", "refresh_token"]),
            "code_challenge_methods_supported": strings(["S256"]),
            "token_endpoint_auth_methods_supported": authMethods,
            "token_endpoint_auth_signing_alg_values_supported": assertionAlgorithms,
            "introspection_endpoint_auth_methods_supported": authMethods,
            "introspection_endpoint_auth_signing_alg_values_supported": assertionAlgorithms,
            "revocation_endpoint_auth_methods_supported": authMethods,
            "revocation_endpoint_auth_signing_alg_values_supported": assertionAlgorithms,
            "id_token_signing_alg_values_supported": strings(idTokenAlgorithms),
            "subject_types_supported": strings(["public"]),
            "scopes_supported": strings(["openid", "profile", "email", "offline_access"]),
            "claims_supported": strings([
                "sub", "iss", "aud", "exp", "iat", "nbf", "jti", "auth_time", "nonce", "azp", "sid", "acr",
                "mylibrary_id", "library", "preferred_username", "email", "email_verified",
            ]),
            "claim_types_supported": strings(["normal"]),
            "claims_parameter_supported": .bool(true),
            "request_parameter_supported": .bool(false),
            "request_uri_parameter_supported": .bool(false),
            "prompt_values_supported": strings(["none", "login", "consent"]),
            "ui_locales_supported": strings(["nl", "en"]),
            "authorization_response_iss_parameter_supported": .bool(true),
            "backchannel_logout_supported": .bool(true),
            "backchannel_logout_session_supported": .bool(true),
            "frontchannel_logout_supported": .bool(false),
        ]
        return JSONValue.object(metadata).serialized
    }
}
