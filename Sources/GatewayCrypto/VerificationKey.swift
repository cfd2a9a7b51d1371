internal import COpenSSL

/// A public key that verifies JWS signatures (RFC 7515 §5.2) made with one algorithm.
///
/// Safe to use from many threads at once: everything is fixed at init, and each verification
/// works on its own copy of a context prepared once per key.
public final class VerificationKey: Sendable {
    /// The JWS `alg` whose signatures this key verifies.
    public let algorithm: SignatureAlgorithm
    /// The key's JWK members, in canonical form (RSA values without leading zero bytes).
    public let parameters: PublicKeyParameters
    private let key: OpenSSLKey
    private let verifier: DigestTemplate

    /// The key described by JWK members. Throws `.algorithmMismatch` when the family does not
    /// fit `algorithm` (`.rsa` for ES256, …) and `.invalidKey` for wrong lengths, a point not
    /// on P-256, an RSA modulus under 2048 bits or an unusable RSA exponent.
    public convenience init(parameters: PublicKeyParameters, algorithm: SignatureAlgorithm) throws(CryptoError) {
        try self.init(key: .publicKey(from: parameters, for: algorithm), algorithm: algorithm)
    }

    /// The key in a SubjectPublicKeyInfo PEM (`PUBLIC KEY`), refused as for
    /// `init(parameters:algorithm:)` when it does not fit `algorithm`.
    public convenience init(pem: String, algorithm: SignatureAlgorithm) throws(CryptoError) {
        try self.init(key: .publicKey(pem: pem), algorithm: algorithm)
    }

    private init(key: OpenSSLKey, algorithm: SignatureAlgorithm) throws(CryptoError) {
        try key.requireFit(for: algorithm)
        try key.requireValidPublicPoint()
        self.algorithm = algorithm
        self.parameters = try key.publicParameters(for: algorithm)
        self.key = key
        self.verifier = try DigestTemplate(.verify, key: key, algorithm: algorithm)
    }

    /// The key as SubjectPublicKeyInfo PEM (`PUBLIC KEY`).
    public func publicKeyPEM() throws(CryptoError) -> String {
        try key.publicKeyPEM()
    }

    /// True when `signature` is a valid JWS signature of `message` under this key. Anything
    /// else — a wrong length, a DER-encoded ES256 signature, `r` or `s` of zero or not below
    /// the group order, any OpenSSL failure — is false; this never throws or traps.
    public func verify(signature: [UInt8], message: [UInt8]) -> Bool {
        let encoded: [UInt8]
        if algorithm == .es256 {
            guard let der = ECDSASignature.der(fromRaw: signature) else { return false }
            encoded = der
        } else {
            encoded = signature
        }
        let verified = try? verifier.withCopy { context in
            EVP_DigestVerify(context, encoded, encoded.count, message, message.count)
        }
        guard verified == 1 else {
            CryptoError.discardOpenSSLQueue()
            return false
        }
        return true
    }
}
