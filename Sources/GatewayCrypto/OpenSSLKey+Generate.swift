internal import COpenSSL

extension OpenSSLKey {
    /// RSA modulus size of generated keys: RFC 7518 §3.3's minimum, the usual choice for JWKS.
    static let generatedRSABits: Int32 = 2048

    /// A fresh key pair for `algorithm`: P-256, RSA-2048 with e = 65537 (OpenSSL's default),
    /// or Ed25519, from OpenSSL's DRBG.
    static func generate(for algorithm: SignatureAlgorithm) throws(CryptoError) -> OpenSSLKey {
        // EVP_PKEY_Q_keygen is variadic and so not importable; this is its expansion.
        let (type, configure): (Int32, (OpaquePointer) -> Int32) = switch algorithm {
        case .es256: (EVP_PKEY_EC, { EVP_PKEY_CTX_set_ec_paramgen_curve_nid($0, NID_X9_62_prime256v1) })
        case .rs256: (EVP_PKEY_RSA, { EVP_PKEY_CTX_set_rsa_keygen_bits($0, generatedRSABits) })
        case .edDSA: (EVP_PKEY_ED25519, { _ in 1 })
        }
        guard let context = EVP_PKEY_CTX_new_id(type, nil) else { throw .fromOpenSSLQueue("EVP_PKEY_CTX_new_id") }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_keygen_init(context) == 1, configure(context) == 1,
              EVP_PKEY_generate(context, &key) == 1, let key else {
            throw .fromOpenSSLQueue("generating an \(algorithm.rawValue) key")
        }
        return OpenSSLKey(taking: key)
    }
}
