public import GatewayCore

extension ApplicationPolicy {
    /// Where the gateway finds the public keys that verify a `private_key_jwt` client's
    /// assertions: inline (`jwks`) or fetched from the client (`jwks_uri`), never both.
    public enum PublicKeySource: Sendable, Equatable {
        /// An inline JWK Set (RFC 7517 §5) holding public keys only.
        case jwks(JSONValue)
        /// An https URL serving the client's JWK Set.
        case jwksURI(String)
    }
}
