public import GatewayJOSE

/// Why a token was rejected, precise enough to log and to print in `gateway verify`.
public enum GatewayVerifierError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Signature, header or format problem.
    case invalidToken(JOSEError)
    /// A registered-claim rule (iss, aud, exp, nbf, iat, typ).
    case invalidClaims(JWTValidationError)
    /// `sub`, `mylibrary_id`, `library`, `iss` or `exp` missing.
    case missingGatewayClaims
    /// An ID token whose `nonce` is not the one the client sent.
    case nonceMismatch
    /// The JWKS could not be fetched or parsed.
    case keySetUnavailable(String)

    /// The exact reason.
    public var description: String {
        switch self {
        case .invalidToken(let error): error.description
        case .invalidClaims(let error): error.description
        case .missingGatewayClaims: "token lacks sub, mylibrary_id, library, iss or exp"
        case .nonceMismatch: "nonce does not match the authentication request"
        case .keySetUnavailable(let reason): "cannot get the gateway's keys: \(reason)"
        }
    }
}
