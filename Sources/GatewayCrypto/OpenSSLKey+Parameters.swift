internal import COpenSSL

extension OpenSSLKey {
    /// Length of each P-256 coordinate and of an Ed25519 public key.
    static let coordinateLength = 32
    /// The largest RSA modulus accepted, in bytes, before OpenSSL even sees it.
    private static let maximumModulusBytes = Int(maximumRSABits) / 8 + 1

    /// The JWK public members of this key; `requireFit(for: algorithm)` must have passed.
    func publicParameters(for algorithm: SignatureAlgorithm) throws(CryptoError) -> PublicKeyParameters {
        switch algorithm {
        case .es256:
            return .ec(x: try bigNumberParameter(OSSL_PKEY_PARAM_EC_PUB_X, width: Self.coordinateLength),
                       y: try bigNumberParameter(OSSL_PKEY_PARAM_EC_PUB_Y, width: Self.coordinateLength))
        case .rs256:
            return .rsa(n: try bigNumberParameter(OSSL_PKEY_PARAM_RSA_N), e: try bigNumberParameter(OSSL_PKEY_PARAM_RSA_E))
        case .edDSA:
            var x = [UInt8](repeating: 0, count: Self.coordinateLength)
            var length = x.count
            guard EVP_PKEY_get_raw_public_key(pointer, &x, &length) == 1, length == x.count else {
                throw .fromOpenSSLQueue("EVP_PKEY_get_raw_public_key")
            }
            return .okp(x: x)
        }
    }

    /// A big-number member of the key as unsigned big-endian bytes, left-padded to `width`
    /// or, without one, in as few bytes as the value needs.
    func bigNumberParameter(_ name: String, width: Int? = nil) throws(CryptoError) -> [UInt8] {
        var number: OpaquePointer?
        guard EVP_PKEY_get_bn_param(pointer, name, &number) == 1, let number else {
            throw .fromOpenSSLQueue("EVP_PKEY_get_bn_param(\(name))")
        }
        defer { BN_free(number) }
        let length = width ?? (Int(BN_num_bits(number)) + 7) / 8
        var bytes = [UInt8](repeating: 0, count: length)
        guard BN_bn2binpad(number, &bytes, Int32(length)) == length else {
            throw .fromOpenSSLQueue("BN_bn2binpad(\(name))")
        }
        return bytes
    }

    /// A public key built from JWK members; throws `.algorithmMismatch` when the family does
    /// not fit `algorithm` and `.invalidKey` when the members have the wrong lengths or do not
    /// describe a valid key (for instance a point not on P-256).
    static func publicKey(from parameters: PublicKeyParameters,
                          for algorithm: SignatureAlgorithm) throws(CryptoError) -> OpenSSLKey {
        switch (parameters, algorithm) {
        case let (.ec(x, y), .es256):
            guard x.count == coordinateLength, y.count == coordinateLength else {
                throw .invalidKey("P-256 x and y must be \(coordinateLength) bytes each, got \(x.count) and \(y.count)")
            }
            return try ecPublicKey(point: [0x04] + x + y)
        case let (.rsa(n, e), .rs256):
            guard (1...maximumModulusBytes).contains(n.count), (1...maximumRSAExponentBytes).contains(e.count) else {
                throw .invalidKey("RSA n must be 1 to \(maximumModulusBytes) bytes and e 1 to \(maximumRSAExponentBytes)")
            }
            return try rsaPublicKey(n: n, e: e)
        case let (.okp(x), .edDSA):
            guard x.count == coordinateLength else {
                throw .invalidKey("Ed25519 x must be \(coordinateLength) bytes, got \(x.count)")
            }
            guard let key = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, x, x.count) else {
                throw .fromOpenSSLQueue("EVP_PKEY_new_raw_public_key")
            }
            return OpenSSLKey(taking: key)
        default:
            throw .algorithmMismatch(expected: algorithm, found: "\(parameters.keyType) parameters")
        }
    }

    /// `point` is the SEC 1 uncompressed encoding 0x04 || x || y; OpenSSL refuses a point
    /// that is not on the curve while decoding it.
    private static func ecPublicKey(point: [UInt8]) throws(CryptoError) -> OpenSSLKey {
        let result = point.withUnsafeBytes { point in
            Result { () throws(CryptoError) in
                try fromData(type: "EC") { builder in
                    OSSL_PARAM_BLD_push_utf8_string(builder, gateway_param_group_name(), gateway_group_p256(), 0) == 1
                        && OSSL_PARAM_BLD_push_octet_string(builder, gateway_param_pub_key(), point.baseAddress, point.count) == 1
                }
            }
        }
        return try result.get()
    }

    private static func rsaPublicKey(n: [UInt8], e: [UInt8]) throws(CryptoError) -> OpenSSLKey {
        let modulus = BN_bin2bn(n, Int32(n.count), nil)
        defer { BN_free(modulus) }
        let exponent = BN_bin2bn(e, Int32(e.count), nil)
        defer { BN_free(exponent) }
        guard let modulus, let exponent else { throw .fromOpenSSLQueue("BN_bin2bn") }
        return try fromData(type: "RSA") { builder in
            OSSL_PARAM_BLD_push_BN(builder, gateway_param_rsa_n(), modulus) == 1
                && OSSL_PARAM_BLD_push_BN(builder, gateway_param_rsa_e(), exponent) == 1
        }
    }

    /// A public key of OpenSSL type `type` from the parameters `push` adds to a builder.
    /// Everything `push` hands the builder must stay alive until this returns.
    private static func fromData(type: String, _ push: (OpaquePointer) -> Bool) throws(CryptoError) -> OpenSSLKey {
        guard let builder = OSSL_PARAM_BLD_new() else { throw .fromOpenSSLQueue("OSSL_PARAM_BLD_new") }
        defer { OSSL_PARAM_BLD_free(builder) }
        guard push(builder), let parameters = OSSL_PARAM_BLD_to_param(builder) else {
            throw .fromOpenSSLQueue("OSSL_PARAM_BLD_to_param")
        }
        defer { OSSL_PARAM_free(parameters) }
        guard let context = EVP_PKEY_CTX_new_from_name(nil, type, nil) else {
            throw .fromOpenSSLQueue("EVP_PKEY_CTX_new_from_name(\(type))")
        }
        defer { EVP_PKEY_CTX_free(context) }
        var key: OpaquePointer?
        guard EVP_PKEY_fromdata_init(context) == 1,
              EVP_PKEY_fromdata(context, &key, gateway_selection_public_key(), parameters) == 1, let key else {
            throw .fromOpenSSLQueue("\(type) public key parameters refused", as: CryptoError.invalidKey)
        }
        return OpenSSLKey(taking: key)
    }
}
