internal import COpenSSL

/// Conversion between the JWS form of an ECDSA P-256 signature, the fixed-width `r || s`
/// (RFC 7518 §3.4), and the DER `ECDSA-Sig-Value` that OpenSSL produces and consumes.
enum ECDSASignature {
    /// Bytes of each of `r` and `s` for P-256.
    static let componentLength = 32
    /// Bytes of a JWS ES256 signature.
    static let rawLength = 2 * componentLength

    /// The 64-byte `r || s` of a DER signature OpenSSL produced.
    static func raw(fromDER der: [UInt8]) throws(CryptoError) -> [UInt8] {
        let signature = der.withUnsafeBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return d2i_ECDSA_SIG(nil, &cursor, buffer.count)
        }
        guard let signature else { throw .fromOpenSSLQueue("d2i_ECDSA_SIG") }
        defer { ECDSA_SIG_free(signature) }
        var raw = [UInt8](repeating: 0, count: rawLength)
        let written = raw.withUnsafeMutableBufferPointer { buffer in
            let width = Int32(componentLength)
            return BN_bn2binpad(ECDSA_SIG_get0_r(signature), buffer.baseAddress, width) == width
                && BN_bn2binpad(ECDSA_SIG_get0_s(signature), buffer.baseAddress! + componentLength, width) == width
        }
        guard written else { throw .fromOpenSSLQueue("BN_bn2binpad") }
        return raw
    }

    /// The DER form of a JWS `r || s`, or nil when it is not 64 bytes long. Values of zero or
    /// at least the group order are encoded as given; OpenSSL's verification rejects them.
    static func der(fromRaw raw: [UInt8]) -> [UInt8]? {
        guard raw.count == rawLength, let signature = ECDSA_SIG_new() else { return nil }
        defer { ECDSA_SIG_free(signature) }
        let (r, s) = raw.withUnsafeBufferPointer { buffer in
            (BN_bin2bn(buffer.baseAddress, Int32(componentLength), nil),
             BN_bin2bn(buffer.baseAddress! + componentLength, Int32(componentLength), nil))
        }
        // On success ECDSA_SIG_set0 takes ownership of r and s; until then they are ours.
        guard let r, let s, ECDSA_SIG_set0(signature, r, s) == 1 else {
            BN_free(r)
            BN_free(s)
            return nil
        }
        let length = i2d_ECDSA_SIG(signature, nil)
        guard length > 0 else { return nil }
        var der = [UInt8](repeating: 0, count: Int(length))
        let written = der.withUnsafeMutableBufferPointer { buffer in
            var cursor = buffer.baseAddress
            return i2d_ECDSA_SIG(signature, &cursor)
        }
        return written == length ? der : nil
    }
}
