public import GatewayCore

/// Checks the registered claims of a verified JWT (RFC 7519 §4.1, RFC 9068 §4).
public struct JWTValidator: Sendable {
    /// Expected `iss` (exact string match, OIDC Core §3.1.3.7).
    public var issuer: String
    /// Expected audience: must appear in `aud` (string or array).
    public var audience: String
    /// Expected `typ` header (e.g. `at+jwt`), or nil to accept any.
    public var type: String?
    /// Clock skew tolerated on `exp`, `nbf` and `iat`, in seconds.
    public var leewaySeconds: Double

    /// Rules for one issuer and audience.
    public init(issuer: String, audience: String, type: String? = nil, leewaySeconds: Double = 30) {
        self.issuer = issuer
        self.audience = audience
        self.type = type
        self.leewaySeconds = leewaySeconds
    }

    /// Throws the first rule `jws` breaks at time `now`.
    public func validate(_ jws: VerifiedJWS, now: Instant) throws(JWTValidationError) {
        if let type, jws.header.type?.lowercased() != type.lowercased() { throw .wrongType(jws.header.type) }
        guard case .string(let iss)? = jws.claims["iss"] else { throw .missingClaim("iss") }
        guard iss == issuer else { throw .wrongIssuer }
        guard audiences(jws.claims["aud"]).contains(audience) else { throw .wrongAudience }
        guard case .number(let exp)? = jws.claims["exp"] else { throw .missingClaim("exp") }
        let current = now.secondsSinceEpoch
        guard current < exp + leewaySeconds else { throw .expired }
        if case .number(let nbf)? = jws.claims["nbf"], current + leewaySeconds < nbf { throw .notYetValid }
        if case .number(let iat)? = jws.claims["iat"], current + leewaySeconds < iat { throw .issuedInTheFuture }
        for name in ["nbf", "iat"] {
            if let value = jws.claims[name], case .number = value {} else if jws.claims[name] != nil { throw .malformedClaim(name) }
        }
    }

    private func audiences(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let single)?: [single]
        case .array(let many)?: many.compactMap { if case .string(let item) = $0 { item } else { nil } }
        default: []
        }
    }
}

/// Which registered-claim rule a token breaks.
public enum JWTValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongType(String?), missingClaim(String), malformedClaim(String), wrongIssuer, wrongAudience
    case expired, notYetValid, issuedInTheFuture

    /// One line for logs and `gateway verify`.
    public var description: String {
        switch self {
        case .wrongType(let typ): "unexpected typ \(typ.map { String($0.prefix(20)) } ?? "(none)")"
        case .missingClaim(let name): "missing claim \(name)"
        case .malformedClaim(let name): "claim \(name) is not a number"
        case .wrongIssuer: "iss is not the expected issuer"
        case .wrongAudience: "aud does not contain the expected audience"
        case .expired: "token has expired (exp)"
        case .notYetValid: "token is not valid yet (nbf)"
        case .issuedInTheFuture: "token was issued in the future (iat)"
        }
    }
}
