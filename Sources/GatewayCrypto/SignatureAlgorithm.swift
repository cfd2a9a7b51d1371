/// The JWS `alg` values LibraryGateway signs and verifies with (RFC 7518 §3.1, RFC 8037 §3.1).
public enum SignatureAlgorithm: String, Sendable, CaseIterable, Codable {
    /// ECDSA using P-256 and SHA-256 (RFC 7518 §3.4).
    case es256 = "ES256"
    /// RSASSA-PKCS1-v1_5 using SHA-256 (RFC 7518 §3.3).
    case rs256 = "RS256"
    /// Edwards-curve signatures, Ed25519 only (RFC 8037 §3.1).
    case edDSA = "EdDSA"
}

extension SignatureAlgorithm {
    /// The digest OpenSSL applies before signing; nil for Ed25519, which is "pure" EdDSA
    /// and hashes the whole message itself (RFC 8032 §5.1.6).
    var digestName: String? {
        switch self {
        case .es256, .rs256: "SHA256"
        case .edDSA: nil
        }
    }
}
