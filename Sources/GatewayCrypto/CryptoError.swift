/// Why a key was refused or an OpenSSL operation failed. Messages name the problem and never
/// contain key material.
public enum CryptoError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The key cannot be used: unreadable or encrypted PEM, wrong lengths, too small, or a
    /// point that is not on the curve.
    case invalidKey(String)
    /// The key is of another type, curve or family than the algorithm needs (for example a
    /// P-384 key offered for ES256).
    case algorithmMismatch(expected: SignatureAlgorithm, found: String)
    /// OpenSSL failed: the operation and the first reason in OpenSSL's error queue.
    case openSSL(String)

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .invalidKey(let reason): "invalid key: \(reason)"
        case .algorithmMismatch(let expected, let found): "key does not fit \(expected.rawValue): it is \(found)"
        case .openSSL(let reason): "OpenSSL failure: \(reason)"
        }
    }
}
