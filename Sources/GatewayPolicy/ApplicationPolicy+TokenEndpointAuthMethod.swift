extension ApplicationPolicy {
    /// How the client authenticates at the token, introspection and revocation endpoints
    /// (`token_endpoint_auth_method`, OIDC Core §9 / RFC 7591 §2).
    public enum TokenEndpointAuthMethod: String, Sendable, Equatable, CaseIterable, Encodable {
        /// Client id and secret in HTTP Basic authentication (RFC 6749 §2.3.1).
        case clientSecretBasic = "client_secret_basic"
        /// Client id and secret in the form body (RFC 6749 §2.3.1).
        case clientSecretPost = "client_secret_post"
        /// A JWT assertion signed with a key from the client's JWKS (RFC 7523, OIDC Core §9).
        case privateKeyJWT = "private_key_jwt"
        /// No client authentication: a public client, whose codes PKCE protects. Spelled
        /// `none` in JSON; named differently here so it cannot be confused with `Optional.none`.
        case noAuthentication = "none"

        /// Whether the method uses a shared secret that the gateway stores as a hash.
        public var usesClientSecret: Bool { self == .clientSecretBasic || self == .clientSecretPost }

        /// The methods a client of `type` may use.
        public static func allowed(for type: ClientType) -> [TokenEndpointAuthMethod] {
            switch type {
            case .confidential: [.clientSecretBasic, .clientSecretPost, .privateKeyJWT]
            case .public: [.noAuthentication]
            }
        }
    }
}
