internal import COpenSSL
import GatewayCore

/// SHA-256 (FIPS 180-4) through OpenSSL's one-shot `EVP_Digest`.
public enum SHA256 {
    /// The 32-byte digest of `data`.
    public static func digest(_ data: [UInt8]) -> [UInt8] { oneShotDigest(data, algorithm.md, length: 32, name: "SHA-256") }

    /// Fetched once: `EVP_sha256()` makes every `EVP_Digest` look the implementation up in
    /// the provider again, which costs more than hashing a token.
    private static let algorithm = FetchedDigest("SHA256")

    /// The digest of the UTF-8 bytes of `string`.
    public static func digest(_ string: String) -> [UInt8] { digest(Array(string.utf8)) }
}

/// SHA-1, only where a protocol names things by their SHA-1 (Redis identifies a loaded Lua
/// script by the SHA-1 of its source, for `EVALSHA`). Never for anything that must resist
/// collisions: use `SHA256`.
public enum SHA1 {
    /// The digest of the UTF-8 bytes of `string`, as 40 lowercase hex digits.
    public static func hexDigest(_ string: String) -> String {
        Hex.encode(oneShotDigest(Array(string.utf8), algorithm.md, length: 20, name: "SHA-1"))
    }

    private static let algorithm = FetchedDigest("SHA1")
}

/// An `EVP_MD` fetched from the default provider once and kept for the process's life.
/// `@unchecked Sendable`: a fetched `EVP_MD` is immutable and OpenSSL 3 allows sharing it
/// between threads.
private final class FetchedDigest: @unchecked Sendable {
    let md: OpaquePointer

    init(_ name: String) {
        guard let md = EVP_MD_fetch(nil, name, nil) else { preconditionFailure("OpenSSL has no \(name) digest") }
        self.md = md
    }
}

/// `EVP_Digest` of `data` with `md`, which yields `length` bytes; OpenSSL failing here
/// (out of memory) is not recoverable.
private func oneShotDigest(_ data: [UInt8], _ md: OpaquePointer?, length: Int, name: String) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: length)
    var written: UInt32 = 0
    let ok = data.withUnsafeBytes { input in
        out.withUnsafeMutableBytes { output in
            EVP_Digest(input.baseAddress, input.count, output.baseAddress!.assumingMemoryBound(to: UInt8.self), &written, md, nil)
        }
    }
    precondition(ok == 1 && written == length, "OpenSSL EVP_Digest(\(name)) failed")
    return out
}
