public import GatewayCore

extension ClaimAssembler {
    /// The event type that makes a JWT a logout token (Back-Channel Logout 1.0 §2.4).
    public static let backchannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout"

    /// OIDC Back-Channel Logout 1.0 §2.4 logout token claims: `iss`, `aud`, `iat`, `exp`,
    /// `jti`, `events`, `sub` (= mylibrary_id, as in every other token) and `sid` when the
    /// session is known. The spec forbids `nonce` (§2.4), and nothing else about the patron
    /// is released: the input carries only the Mylibrary-id, whatever the policy allows.
    public static func logoutToken(mylibraryID: String, sessionID: String?, audience: String,
                                   issuance: IssuanceFacts) -> [String: JSONValue] {
        let issuedAt = issuance.now.secondsSinceEpoch.rounded(.down)
        var claims = [String: JSONValue](minimumCapacity: 8)
        claims["iss"] = .string(issuance.issuer)
        claims["aud"] = .string(audience)
        claims["iat"] = .number(issuedAt)
        claims["exp"] = .number(issuedAt + Double(issuance.lifetimeSeconds))
        claims["jti"] = .string(issuance.tokenID)
        claims["sub"] = .string(mylibraryID)
        if let sessionID { claims["sid"] = .string(sessionID) }
        claims["events"] = .object([backchannelLogoutEvent: .object([:])])
        return claims
    }
}
