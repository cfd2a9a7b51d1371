/// Public key material as JWK members carry it (RFC 7518 §6.2 and §6.3, RFC 8037 §2),
/// each value an unsigned big-endian byte string.
public enum PublicKeyParameters: Sendable, Equatable {
    /// A P-256 point: `x` and `y`, exactly 32 bytes each, left-padded with zeros.
    case ec(x: [UInt8], y: [UInt8])
    /// An RSA modulus `n` and public exponent `e`, without leading zero bytes.
    case rsa(n: [UInt8], e: [UInt8])
    /// An Ed25519 public key `x`, 32 bytes (RFC 8032 §5.1.5).
    case okp(x: [UInt8])
}

extension PublicKeyParameters {
    /// The JWK `kty` of these parameters, for error messages.
    var keyType: String {
        switch self {
        case .ec: "EC"
        case .rsa: "RSA"
        case .okp: "OKP"
        }
    }
}
