public import GatewayCore
public import GatewayCrypto
public import GatewayJOSE

/// Validates a logout token as OpenID Connect Back-Channel Logout 1.0 §2.6 requires:
/// the signature as for ID tokens (key from the gateway's JWKS, the client's ID-token
/// algorithm), `iss`, `aud`, `exp` and `iat` as for ID tokens, `typ` `logout+jwt` when
/// present, `sub` and/or `sid`, the back-channel logout `events` member, and no `nonce`.
public struct LogoutTokenValidator: Sendable {
    /// The member of `events` that makes a JWT a logout token.
    public static let logoutEvent = "http://schemas.openid.net/event/backchannel-logout"

    /// Expected `iss`.
    public let issuer: String
    /// This client's id: must be in `aud`.
    public let clientID: String
    /// Accepted signature algorithms.
    public let algorithms: Set<SignatureAlgorithm>
    /// Clock skew tolerated on `exp` and `iat`, in seconds.
    public let leewaySeconds: Double

    /// A validator for tokens from `issuer` to `clientID`.
    public init(issuer: String, clientID: String, algorithms: Set<SignatureAlgorithm>, leewaySeconds: Double = 30) {
        self.issuer = issuer
        self.clientID = clientID
        self.algorithms = algorithms
        self.leewaySeconds = leewaySeconds
    }

    /// The logout request `token` carries, or the first rule it breaks.
    public func validate(_ token: String, keys: JSONWebKeySet, now: Instant) throws(LogoutTokenError) -> LogoutRequest {
        let verified: VerifiedJWS
        do { verified = try JWS.verify(token, keys: keys, allowed: algorithms) } catch { throw .invalidSignature(error) }
        if let type = verified.header.type, !["logout+jwt", "application/logout+jwt"].contains(type.lowercased()) {
            throw .wrongType
        }
        let rules = JWTValidator(issuer: issuer, audience: clientID, type: nil, leewaySeconds: leewaySeconds)
        do { try rules.validate(verified, now: now) } catch { throw .invalidClaims(error) }
        let claims = verified.claims
        guard case .number? = claims["iat"] else { throw .missingIssuedAt }
        let subject: String? = if case .string(let value)? = claims["sub"], !value.isEmpty { value } else { nil }
        let sessionID: String? = if case .string(let value)? = claims["sid"], !value.isEmpty { value } else { nil }
        guard subject != nil || sessionID != nil else { throw .missingSubjectAndSession }
        guard case .object(let events)? = claims["events"], case .object? = events[Self.logoutEvent] else {
            throw .missingLogoutEvent
        }
        guard claims["nonce"] == nil else { throw .noncePresent }
        return LogoutRequest(subject: subject, sessionID: sessionID)
    }
}
