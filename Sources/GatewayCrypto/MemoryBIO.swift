internal import COpenSSL

/// Short-lived in-memory `BIO`s for PEM reading and writing, freed before returning.
enum MemoryBIO {
    /// Runs `body` with a read-only BIO over the UTF-8 bytes of `text`, without copying them.
    static func reading<R>(_ text: String, _ body: (OpaquePointer) throws(CryptoError) -> R) throws(CryptoError) -> R {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(CryptoError) in
                guard bytes.count < Int32.max, let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count)) else {
                    throw .fromOpenSSLQueue("BIO_new_mem_buf")
                }
                defer { BIO_free(bio) }
                return try body(bio)
            }
        }
        return try result.get()
    }

    /// What `write` puts into an empty memory BIO, as text; `operation` names the failure.
    /// OpenSSL wipes the BIO's buffer when freeing it, which matters for private keys.
    static func writing(_ operation: String, _ write: (OpaquePointer) -> Bool) throws(CryptoError) -> String {
        guard let bio = BIO_new(BIO_s_mem()) else { throw .fromOpenSSLQueue("BIO_new") }
        defer { BIO_free(bio) }
        guard write(bio) else { throw .fromOpenSSLQueue(operation) }
        var data: UnsafeMutablePointer<CChar>?
        let length = gateway_bio_get_mem_data(bio, &data)
        guard length > 0, let data else { throw .openSSL("\(operation): wrote nothing") }
        return String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    }
}
