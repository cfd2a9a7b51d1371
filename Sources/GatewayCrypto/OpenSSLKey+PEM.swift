internal import COpenSSL

extension OpenSSLKey {
    /// A private key from PEM: PKCS#8 `PRIVATE KEY` or a traditional `EC PRIVATE KEY` /
    /// `RSA PRIVATE KEY`. Encrypted keys are refused rather than prompting for a passphrase.
    static func privateKey(pem: String) throws(CryptoError) -> OpenSSLKey {
        try MemoryBIO.reading(pem) { bio throws(CryptoError) in
            guard let key = PEM_read_bio_PrivateKey(bio, nil, refusePassphrase, nil) else {
                let failure = CryptoError.fromOpenSSLQueue("unreadable PEM private key", as: CryptoError.invalidKey)
                // OpenSSL's reason for these is only that the passphrase prompt was cancelled.
                throw pem.contains("ENCRYPTED") ? .invalidKey("encrypted private keys are not supported") : failure
            }
            CryptoError.discardOpenSSLQueue()
            return OpenSSLKey(taking: key)
        }
    }

    /// A public key from a SubjectPublicKeyInfo PEM (`PUBLIC KEY`).
    static func publicKey(pem: String) throws(CryptoError) -> OpenSSLKey {
        try MemoryBIO.reading(pem) { bio throws(CryptoError) in
            guard let key = PEM_read_bio_PUBKEY(bio, nil, refusePassphrase, nil) else {
                throw .fromOpenSSLQueue("unreadable PEM public key", as: CryptoError.invalidKey)
            }
            CryptoError.discardOpenSSLQueue()
            return OpenSSLKey(taking: key)
        }
    }

    /// The private key as unencrypted PKCS#8 PEM (`PRIVATE KEY`).
    func privateKeyPEM() throws(CryptoError) -> String {
        try MemoryBIO.writing("PEM_write_bio_PKCS8PrivateKey") { bio in
            PEM_write_bio_PKCS8PrivateKey(bio, pointer, nil, nil, 0, nil, nil) == 1
        }
    }

    /// The public key as SubjectPublicKeyInfo PEM (`PUBLIC KEY`).
    func publicKeyPEM() throws(CryptoError) -> String {
        try MemoryBIO.writing("PEM_write_bio_PUBKEY") { bio in PEM_write_bio_PUBKEY(bio, pointer) == 1 }
    }
}

/// Passphrase callback that supplies none: without it OpenSSL would prompt on the terminal.
private func refusePassphrase(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int32, _ writing: Int32,
                              _ context: UnsafeMutableRawPointer?) -> Int32 {
    -1
}
