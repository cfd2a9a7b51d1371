internal import COpenSSL

/// The sole owner of one `EVP_PKEY`, public or private.
///
/// `@unchecked Sendable` because the key is never modified after init, and OpenSSL 3 allows
/// one `EVP_PKEY` to be used by many threads at once as long as none modifies it
/// (openssl-threads(7)); every operation works on its own context.
final class OpenSSLKey: @unchecked Sendable {
    /// The `EVP_PKEY *`, valid for the lifetime of this object.
    let pointer: OpaquePointer

    /// Takes ownership of `pointer`; it is freed when this object is.
    init(taking pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    /// Runs `body` with a fresh `EVP_PKEY_CTX` for this key, freed afterwards.
    func withContext<R>(_ body: (OpaquePointer) -> R) throws(CryptoError) -> R {
        guard let context = EVP_PKEY_CTX_new_from_pkey(nil, pointer, nil) else {
            throw .fromOpenSSLQueue("EVP_PKEY_CTX_new_from_pkey")
        }
        defer { EVP_PKEY_CTX_free(context) }
        return body(context)
    }
}
