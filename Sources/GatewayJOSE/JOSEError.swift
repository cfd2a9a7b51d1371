/// Why a JWS, JWK or JWT was refused. Messages name the rule, never token contents.
public enum JOSEError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Longer than the accepted maximum.
    case tooLarge(limit: Int)
    /// Not three base64url parts separated by dots.
    case malformed(String)
    /// The header or payload is not a JSON object (or has duplicate keys).
    case invalidJSON(String)
    /// `alg: none`: unsecured JWS is never accepted.
    case algorithmNone
    /// An algorithm outside ES256 / RS256 / EdDSA (HMAC included).
    case unsupportedAlgorithm(String)
    /// The header's `alg` is not the algorithm of the key it names, or not allowed here.
    case algorithmNotAllowed(String)
    /// A `crit` header lists extensions we do not implement (RFC 7515 §4.1.11).
    case unsupportedCritical([String])
    /// No key with this `kid` (nil: the header had none and no single key fits).
    case unknownKey(kid: String?)
    /// The signature does not verify.
    case badSignature
    /// A JWK that cannot be used (reason).
    case invalidKey(String)

    /// One line for logs and `gateway verify`.
    public var description: String {
        switch self {
        case .tooLarge(let limit): "token is longer than \(limit) bytes"
        case .malformed(let reason): "malformed token: \(reason)"
        case .invalidJSON(let reason): "invalid JSON: \(reason)"
        case .algorithmNone: "unsigned tokens (alg none) are not accepted"
        case .unsupportedAlgorithm(let alg): "algorithm \(alg.prefix(20)) is not supported"
        case .algorithmNotAllowed(let alg): "algorithm \(alg.prefix(20)) is not allowed for this key"
        case .unsupportedCritical(let names): "unsupported critical header(s): \(names.map { String($0.prefix(20)) }.joined(separator: ", "))"
        case .unknownKey(let kid): kid.map { "no key with kid \($0.prefix(64))" } ?? "token has no kid and no single key fits"
        case .badSignature: "signature does not verify"
        case .invalidKey(let reason): "unusable key: \(reason)"
        }
    }
}
