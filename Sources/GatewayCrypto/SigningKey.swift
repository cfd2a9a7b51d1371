internal import COpenSSL

/// A private key that signs JWS signing inputs (RFC 7515 §5.1) with one algorithm.
///
/// Safe to use from many threads at once: everything is fixed at init, and each signature
/// works on its own copy of a context prepared once per key.
public final class SigningKey: Sendable {
    /// The JWS `alg` this key signs with.
    public let algorithm: SignatureAlgorithm
    /// The public half, for the JWKS and for checking this key's own signatures.
    public let publicKey: VerificationKey
    private let key: OpenSSLKey
    private let signer: DigestTemplate
    /// Upper bound OpenSSL gives for one signature (DER for ECDSA, so more than 64 bytes).
    private let maximumSignatureLength: Int

    /// A new random key for `algorithm`: P-256 for ES256, RSA-2048 with e = 65537 for RS256,
    /// Ed25519 for EdDSA.
    public static func generate(_ algorithm: SignatureAlgorithm) throws(CryptoError) -> SigningKey {
        try SigningKey(key: .generate(for: algorithm), algorithm: algorithm)
    }

    /// The private key in `pem` (PKCS#8 `PRIVATE KEY`, or traditional `EC PRIVATE KEY` /
    /// `RSA PRIVATE KEY`, unencrypted). Throws `.algorithmMismatch` for a key of another
    /// type or curve than `algorithm` needs and `.invalidKey` for an unreadable or encrypted
    /// PEM, an RSA key under 2048 bits or a key whose halves do not match.
    public convenience init(pem: String, algorithm: SignatureAlgorithm) throws(CryptoError) {
        try self.init(key: .privateKey(pem: pem), algorithm: algorithm)
    }

    private init(key: OpenSSLKey, algorithm: SignatureAlgorithm) throws(CryptoError) {
        try key.requireFit(for: algorithm)
        try key.requireMatchingKeyPair()
        self.algorithm = algorithm
        self.key = key
        self.signer = try DigestTemplate(.sign, key: key, algorithm: algorithm)
        self.maximumSignatureLength = Int(EVP_PKEY_get_size(key.pointer))
        self.publicKey = try VerificationKey(parameters: key.publicParameters(for: algorithm), algorithm: algorithm)
    }

    /// The private key as unencrypted PKCS#8 PEM, for storing under `Keys/`.
    public func privateKeyPEM() throws(CryptoError) -> String {
        try key.privateKeyPEM()
    }

    /// The JWS signature of `message` (the ASCII signing input): for ES256 the 64-byte
    /// `r || s` over SHA-256 (RFC 7518 §3.4), for RS256 RSASSA-PKCS1-v1_5 with SHA-256
    /// (RFC 7518 §3.3), for EdDSA pure Ed25519 (RFC 8037 §3.1).
    public func sign(_ message: [UInt8]) throws(CryptoError) -> [UInt8] {
        var signature = [UInt8](repeating: 0, count: maximumSignatureLength)
        var length = signature.count
        let signed = try signer.withCopy { context in
            EVP_DigestSign(context, &signature, &length, message, message.count)
        }
        guard signed == 1 else { throw .fromOpenSSLQueue("EVP_DigestSign") }
        signature.removeLast(signature.count - length)
        return algorithm == .es256 ? try ECDSASignature.raw(fromDER: signature) : signature
    }
}
