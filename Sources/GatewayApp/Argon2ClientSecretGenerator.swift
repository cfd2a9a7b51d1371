public import GatewayCore
public import GatewayCrypto
import GatewayJOSE
public import GatewayPolicy

/// Client secrets as the gateway hands them out: 256 random bits as 43 base64url
/// characters, stored only as an Argon2id hash with the same parameters as patron
/// passwords (OWASP's floor by default). The length makes guessing hopeless; the hash
/// keeps a leaked database from revealing a usable secret.
public struct Argon2ClientSecretGenerator: ClientSecretGenerator {
    /// Random bytes in a secret (256 bits).
    public static let byteCount = 32
    private let hasher: Argon2id
    private let random: any RandomSource

    /// Secrets from `random` (the secure source in production), hashed with `parameters`.
    public init(parameters: Argon2Parameters, random: any RandomSource = SecureRandom()) {
        hasher = Argon2id(parameters: parameters, random: random)
        self.random = random
    }

    /// A fresh secret and its PHC hash.
    public func generate() throws -> ClientSecret {
        let value = Base64URL.encode(random.bytes(Self.byteCount))
        return ClientSecret(value: value, hash: try hasher.hash(password: value))
    }
}
