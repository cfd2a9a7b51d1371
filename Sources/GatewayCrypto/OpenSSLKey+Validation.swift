internal import COpenSSL

extension OpenSSLKey {
    /// RFC 7518 §3.3: "A key of size 2048 bits or larger MUST be used".
    static let minimumRSABits: Int32 = 2048
    /// OpenSSL's own ceiling (`OPENSSL_RSA_MAX_MODULUS_BITS`); larger moduli only cost time.
    static let maximumRSABits: Int32 = 16_384
    /// OpenSSL refuses longer exponents with moduli over 3072 bits (`RSA_MAX_PUBEXP_BITS`).
    static let maximumRSAExponentBytes = 8

    /// Throws unless this key is what `algorithm` needs: a P-256 key for ES256, an RSA key of
    /// 2048 to 16384 bits with an odd exponent of at most 64 bits for RS256, an Ed25519 key
    /// for EdDSA.
    func requireFit(for algorithm: SignatureAlgorithm) throws(CryptoError) {
        switch algorithm {
        case .es256:
            guard EVP_PKEY_is_a(pointer, "EC") == 1, groupName == String(cString: gateway_group_p256()) else {
                throw .algorithmMismatch(expected: algorithm, found: typeDescription)
            }
        case .rs256:
            // RSA-PSS keys are a distinct OpenSSL type and are refused here: RS256 is PKCS#1 v1.5.
            guard EVP_PKEY_is_a(pointer, "RSA") == 1 else {
                throw .algorithmMismatch(expected: algorithm, found: typeDescription)
            }
            try requireAcceptableRSANumbers()
        case .edDSA:
            guard EVP_PKEY_is_a(pointer, "ED25519") == 1 else {
                throw .algorithmMismatch(expected: algorithm, found: typeDescription)
            }
        }
    }

    /// The key's type and, for EC keys, curve, as OpenSSL names them ("EC secp384r1", "RSA").
    var typeDescription: String {
        let type = EVP_PKEY_get0_type_name(pointer).map { String(cString: $0) } ?? "unknown key type"
        guard EVP_PKEY_is_a(pointer, "EC") == 1 else { return type }
        return "\(type) \(groupName ?? "with explicit curve parameters")"
    }

    /// The curve's short name, or nil for keys without a named group.
    private var groupName: String? {
        var name = [CChar](repeating: 0, count: 80)
        var length = 0
        guard EVP_PKEY_get_group_name(pointer, &name, name.count, &length) == 1 else {
            CryptoError.discardOpenSSLQueue()
            return nil
        }
        return String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Modulus size and parity, exponent parity and length: what RS256 verification needs.
    private func requireAcceptableRSANumbers() throws(CryptoError) {
        let bits = EVP_PKEY_get_bits(pointer)
        guard bits >= Self.minimumRSABits else {
            throw .invalidKey("RSA modulus of \(bits) bits is below the \(Self.minimumRSABits)-bit minimum")
        }
        guard bits <= Self.maximumRSABits else {
            throw .invalidKey("RSA modulus of \(bits) bits exceeds the \(Self.maximumRSABits)-bit maximum")
        }
        guard let modulusEnd = try bigNumberParameter(OSSL_PKEY_PARAM_RSA_N).last, modulusEnd & 1 == 1 else {
            throw .invalidKey("RSA modulus must be odd")
        }
        let exponent = try bigNumberParameter(OSSL_PKEY_PARAM_RSA_E)
        guard let last = exponent.last, last & 1 == 1, exponent != [1],
              exponent.count <= Self.maximumRSAExponentBytes else {
            throw .invalidKey("RSA public exponent must be odd, at least 3 and at most 64 bits long")
        }
    }
}

extension OpenSSLKey {
    /// Throws unless the private and public halves of this key pair belong together, as they
    /// may not in a corrupted or hand-assembled PEM: signatures would then not verify against
    /// the published key.
    func requireMatchingKeyPair() throws(CryptoError) {
        guard try withContext({ EVP_PKEY_pairwise_check($0) }) == 1 else {
            throw .fromOpenSSLQueue("private and public halves do not match", as: CryptoError.invalidKey)
        }
    }

    /// Throws unless an EC public key is a valid point of the curve's prime-order group.
    /// RSA keys are checked by `requireFit`: OpenSSL's RSA public check applies SP 800-56B
    /// rules (e > 2^16, a primality test of n) that are for key establishment, not JWS.
    func requireValidPublicPoint() throws(CryptoError) {
        guard EVP_PKEY_is_a(pointer, "EC") == 1 else { return }
        guard try withContext({ EVP_PKEY_public_check($0) }) == 1 else {
            throw .fromOpenSSLQueue("EC public key is not a valid point", as: CryptoError.invalidKey)
        }
    }
}
