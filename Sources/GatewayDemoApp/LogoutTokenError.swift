public import GatewayJOSE

/// Which rule of Back-Channel Logout 1.0 §2.6 a logout token breaks. Messages name the
/// rule only, never token content, so they may be logged.
public enum LogoutTokenError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Signature, `alg` or format (§2.6 steps 2–3).
    case invalidSignature(JOSEError)
    /// `iss`, `aud`, `exp` or `iat` (§2.6 step 4).
    case invalidClaims(JWTValidationError)
    /// `iat` is missing (§2.4: REQUIRED).
    case missingIssuedAt
    /// `typ` is present but not `logout+jwt` (§2.4 explicit typing).
    case wrongType
    /// Neither `sub` nor `sid` (§2.6 step 5).
    case missingSubjectAndSession
    /// No `events` object with the back-channel logout member (§2.6 step 6).
    case missingLogoutEvent
    /// A `nonce` is present (§2.6 step 7).
    case noncePresent
    /// The gateway's keys could not be fetched.
    case keysUnavailable

    /// The rule broken.
    public var description: String {
        switch self {
        case .invalidSignature(let error): "signature: \(error.description)"
        case .invalidClaims(let error): "claims: \(error.description)"
        case .missingIssuedAt: "iat is missing"
        case .wrongType: "typ is not logout+jwt"
        case .missingSubjectAndSession: "neither sub nor sid is present"
        case .missingLogoutEvent: "events lacks the back-channel logout event"
        case .noncePresent: "a nonce is present"
        case .keysUnavailable: "the gateway's keys could not be fetched"
        }
    }
}
