internal import COpenSSL

extension CryptoError {
    /// Turns this thread's OpenSSL error queue into a `CryptoError` and empties the queue, so
    /// that a later failure on the same thread does not report this one's stale reason.
    ///
    /// - Parameters:
    ///   - operation: what failed, put before OpenSSL's reason.
    ///   - kind: the case carrying the message; `.invalidKey` when the failure means that the
    ///     input was unacceptable rather than that OpenSSL broke.
    static func fromOpenSSLQueue(
        _ operation: String, as kind: (String) -> CryptoError = CryptoError.openSSL
    ) -> CryptoError {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return kind("\(operation): no reason recorded") }
        if let reason = ERR_reason_error_string(code) { return kind("\(operation): \(String(cString: reason))") }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return kind("\(operation): \(text)")
    }

    /// Empties this thread's OpenSSL error queue after a failure that is an answer rather than
    /// an error (a signature that does not verify), or after a success that left entries
    /// behind (OpenSSL 3's PEM decoders record the formats they tried).
    static func discardOpenSSLQueue() {
        ERR_clear_error()
    }
}
