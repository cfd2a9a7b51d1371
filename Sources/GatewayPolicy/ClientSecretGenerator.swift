/// Makes new client secrets for confidential clients that authenticate with
/// `client_secret_basic` or `client_secret_post`. The gateway, not the supplier, chooses
/// them, so every secret has full strength. Implemented over GatewayCrypto by the
/// composition root (this module does no cryptography).
public protocol ClientSecretGenerator: Sendable {
    /// A fresh random secret and its Argon2id hash.
    func generate() throws -> ClientSecret
}
