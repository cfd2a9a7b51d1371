import GatewayCore
import GatewayHTTP

/// `GET /.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §4): lists only
/// what this gateway serves now. Endpoints appear here when they exist, never before.
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
        let metadata: [String: JSONValue] = [
            "issuer": .string(issuer),
            "jwks_uri": .string(issuer + "/jwks.json"),
            "id_token_signing_alg_values_supported": .array(idTokenAlgorithms.map(JSONValue.string)),
            "subject_types_supported": .array([.string("public")]),
            "scopes_supported": .array(["openid", "profile", "email", "offline_access"].map(JSONValue.string)),
            "claims_supported": .array([
                "sub", "iss", "aud", "exp", "iat", "nbf", "jti", "auth_time", "nonce", "azp", "sid", "acr",
                "mylibrary_id", "library", "preferred_username", "email", "email_verified",
            ].map(JSONValue.string)),
        ]
        return JSONValue.object(metadata).serialized
    }
}
