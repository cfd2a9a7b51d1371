/// Client type, authentication method and credentials, which constrain each other:
/// public clients use `none`; confidential ones a secret or `private_key_jwt`; a secret
/// hash only with a `client_secret_*` method; keys exactly with `private_key_jwt`.
extension PolicyDraft {
    typealias AuthMethod = ApplicationPolicy.TokenEndpointAuthMethod

    /// `client_type`, `token_endpoint_auth_method`, `client_secret_hash`, `jwks`, `jwks_uri`.
    mutating func readAuthentication() {
        clientType = reader.choice("client_type", required: true)
        let method: AuthMethod? = reader.choice("token_endpoint_auth_method")
        clientSecretHash = reader.string("client_secret_hash", rule: SecretHashRule.problem)
        publicKeys = readPublicKeys()
        guard let clientType else { return }
        if let method {
            authMethod = checked(method, for: clientType)
        } else if !reader.has("token_endpoint_auth_method") {
            authMethod = checked(clientType == .public ? .noAuthentication : .clientSecretBasic, for: clientType)
        }
    }

    private func checked(_ method: AuthMethod, for type: ApplicationPolicy.ClientType) -> AuthMethod? {
        guard AuthMethod.allowed(for: type).contains(method) else {
            reader.fail("token_endpoint_auth_method", type == .public
                ? "a public client cannot keep a secret and must use \"none\" (PKCE protects its codes)"
                : "a confidential client must authenticate with \"client_secret_basic\", \"client_secret_post\" or \"private_key_jwt\"")
            return nil
        }
        if reader.has("client_secret_hash"), !method.usesClientSecret {
            reader.fail("client_secret_hash", "only allowed with client_secret_basic or client_secret_post")
        }
        let keysGiven = reader.has("jwks") || reader.has("jwks_uri")
        if method == .privateKeyJWT, !keysGiven {
            reader.fail("jwks", "required for private_key_jwt: give jwks or jwks_uri")
        } else if method != .privateKeyJWT, keysGiven {
            reader.fail(reader.has("jwks") ? "jwks" : "jwks_uri", "only allowed with private_key_jwt")
        }
        return method
    }

    private func readPublicKeys() -> ApplicationPolicy.PublicKeySource? {
        let inline = reader.value("jwks")
        let uri = reader.string("jwks_uri", rule: URIRule.httpsOnly.problem)
        if inline != nil, reader.has("jwks_uri") {
            reader.fail("jwks_uri", "give either jwks or jwks_uri, not both")
            return nil
        }
        if let inline {
            // Kept even when the set has problems: `build()` runs only when there are none.
            JWKSRule.check(inline, path: reader.path("jwks"), problems: reader.problems)
            return .jwks(inline)
        }
        return uri.map { .jwksURI($0) }
    }
}
