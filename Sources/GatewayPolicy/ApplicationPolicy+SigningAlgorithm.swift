extension ApplicationPolicy {
    /// JWS algorithm for the client's ID tokens (`id_token_signed_response_alg`).
    /// Only public-key algorithms exist here: `none` and HMAC can never be chosen.
    public enum SigningAlgorithm: String, Sendable, Equatable, CaseIterable, Encodable {
        /// RSASSA-PKCS1-v1_5 with SHA-256; OIDC's default when a client says nothing.
        case rs256 = "RS256"
        /// ECDSA on P-256 with SHA-256.
        case es256 = "ES256"
        /// Ed25519 (RFC 8037).
        case edDSA = "EdDSA"
    }
}
