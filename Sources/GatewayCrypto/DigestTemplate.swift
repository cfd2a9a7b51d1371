internal import COpenSSL

/// An `EVP_MD_CTX` set up once for one key and one purpose and copied for every signature or
/// verification: `EVP_DigestSignInit_ex` fetches the digest and signature implementations on
/// each call, and copying the initialised context skips that work. Measured on one core, the
/// copy is at least as fast as a fresh init for Ed25519 too (no digest to fetch), so all three
/// algorithms take the same path.
///
/// `@unchecked Sendable` because the template is never used directly after init: it is only
/// the source of `EVP_MD_CTX_copy_ex`, which takes it as `const`, duplicates the provider's
/// context and takes references, so any number of threads may copy it at once; each call then
/// signs or verifies with its own copy.
final class DigestTemplate: @unchecked Sendable {
    /// What the context is initialised for.
    enum Purpose {
        case sign
        case verify
    }

    private let context: OpaquePointer
    /// Keeps the `EVP_PKEY` alive as long as the context refers to it.
    private let key: OpenSSLKey

    /// A template for `purpose` with `key` and `algorithm`'s digest (none for Ed25519).
    init(_ purpose: Purpose, key: OpenSSLKey, algorithm: SignatureAlgorithm) throws(CryptoError) {
        guard let context = EVP_MD_CTX_new() else { throw .fromOpenSSLQueue("EVP_MD_CTX_new") }
        let initialised = switch purpose {
        case .sign: EVP_DigestSignInit_ex(context, nil, algorithm.digestName, nil, nil, key.pointer, nil)
        case .verify: EVP_DigestVerifyInit_ex(context, nil, algorithm.digestName, nil, nil, key.pointer, nil)
        }
        guard initialised == 1 else {
            EVP_MD_CTX_free(context)
            throw .fromOpenSSLQueue(purpose == .sign ? "EVP_DigestSignInit_ex" : "EVP_DigestVerifyInit_ex")
        }
        self.context = context
        self.key = key
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Runs `body` with a private copy of the template, freed afterwards.
    func withCopy<R>(_ body: (OpaquePointer) -> R) throws(CryptoError) -> R {
        guard let copy = EVP_MD_CTX_new() else { throw .fromOpenSSLQueue("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(copy) }
        guard EVP_MD_CTX_copy_ex(copy, context) == 1 else { throw .fromOpenSSLQueue("EVP_MD_CTX_copy_ex") }
        return body(copy)
    }
}
