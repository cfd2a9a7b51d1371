import GatewayVerifier

/// What the demo application knows about the gateway once discovery succeeded: its
/// endpoints, the ID-token verifier over its `jwks_uri` and the key cache for logout tokens.
struct Provider: Sendable {
    /// The discovery document's endpoints.
    let metadata: ProviderMetadata
    /// Verifies ID tokens: only the policy's `id_token_signed_response_alg` is accepted.
    let idTokens: GatewayVerifier
    /// Verifies RFC 9068 access tokens (any of the gateway's algorithms).
    let accessTokens: GatewayVerifier
    /// The JWKS for logout tokens.
    let keys: KeySetCache
}
