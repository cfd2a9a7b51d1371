internal import COpenSSL
public import GatewayCore

/// Cryptographically secure random bytes from OpenSSL's DRBG (`RAND_bytes`).
public struct SecureRandom: RandomSource {
    /// The process-wide secure source.
    public init() {}

    /// `count` bytes; traps if the DRBG cannot be seeded, because continuing without
    /// randomness would silently weaken every token and session id.
    public func bytes(_ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        let ok = buffer.withUnsafeMutableBytes { RAND_bytes($0.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(count)) }
        precondition(ok == 1, "OpenSSL RAND_bytes failed: the system has no usable entropy source")
        return buffer
    }
}
