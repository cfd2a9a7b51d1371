internal import COpenSSL
public import GatewayCore
#if canImport(Glibc)
internal import Glibc
#endif

/// Cryptographically secure random bytes from OpenSSL's DRBG (`RAND_bytes`).
///
/// Small requests (ids, nonces, token values: up to 64 bytes) are served from a per-thread
/// reserve that one `RAND_bytes` call fills with 4 KiB: every `RAND_bytes` call goes through
/// the provider's DRBG lookup, a lock and a fork check (`getpid`), which cost more than
/// the bytes themselves at a few bytes per call and a few calls per request. Bytes leave
/// the reserve once and are zeroed there as they go; the reserve is zeroed when its thread
/// ends. The gateway does not fork, so no reserve is ever shared with a child process.
public struct SecureRandom: RandomSource {
    /// The process-wide secure source.
    public init() {}

    /// `count` bytes; traps if the DRBG cannot be seeded, because continuing without
    /// randomness would silently weaken every token and session id.
    public func bytes(_ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        guard count <= RandomReserve.largestServed else { return Self.direct(count) }
        return RandomReserve.ofThisThread().take(count)
    }

    /// `count` bytes straight from `RAND_bytes`.
    static func direct(_ count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        buffer.withUnsafeMutableBufferPointer { fill($0) }
        return buffer
    }

    /// Fills `buffer` from `RAND_bytes`.
    static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        let ok = RAND_bytes(buffer.baseAddress!, Int32(buffer.count))
        precondition(ok == 1, "OpenSSL RAND_bytes failed: the system has no usable entropy source")
    }
}

/// One thread's reserve of DRBG output (see `SecureRandom`). Only its own thread touches it.
final class RandomReserve {
    static let capacity = 4096
    static let largestServed = 64
    private let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
    /// Bytes before `next` have been handed out (and zeroed).
    private var next = capacity

    private init() { storage.initialize(repeating: 0) }

    deinit {
        storage.update(repeating: 0)
        storage.deallocate()
    }

    func take(_ count: Int) -> [UInt8] {
        if next + count > Self.capacity {
            SecureRandom.fill(storage)
            next = 0
        }
        let slice = UnsafeMutableBufferPointer(rebasing: storage[next..<(next + count)])
        let out = Array(slice)
        slice.update(repeating: 0)
        next += count
        return out
    }

    /// The calling thread's reserve, made at its first use and released when the thread ends.
    static func ofThisThread() -> RandomReserve {
        if let existing = pthread_getspecific(key) { return Unmanaged<RandomReserve>.fromOpaque(existing).takeUnretainedValue() }
        let reserve = RandomReserve()
        precondition(pthread_setspecific(key, Unmanaged.passRetained(reserve).toOpaque()) == 0, "pthread_setspecific failed")
        return reserve
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<RandomReserve>.fromOpaque(pointer).release() }
        }
        precondition(status == 0, "pthread_key_create failed")
        return key
    }()
}
