public import GatewayCore

/// The one function from (patron, policy, authorization) to the claims of every artefact
/// a partner sees, so minimisation is identical on every path (DESIGN.md, Token contract).
///
/// Always: `sub` (= mylibrary_id), `mylibrary_id`, `library` and technical claims.
/// `preferred_username` (scope `profile`) and `email` + `email_verified` (scope `email`)
/// only when the policy declares a functional-communication need, the scope is both
/// allowed by the policy and requested, and the patron has not restricted processing.
/// Nothing else about the patron can appear: the input type does not carry it.
public enum ClaimAssembler {
    /// Scopes granted: requested ∩ allowed by the policy (always including `openid` when requested).
    public static func grantedScopes(_ facts: AuthorizationFacts, policy: ClaimPolicy) -> Set<String> {
        facts.requestedScopes.intersection(policy.allowedScopes)
    }

    /// The patron-identifying claims for this application.
    public static func patronClaims(_ patron: PatronClaimsSource, policy: ClaimPolicy, scopes: Set<String>) -> [String: JSONValue] {
        var claims = [String: JSONValue](minimumCapacity: 6)
        addPatronClaims(patron, policy: policy, scopes: scopes, to: &claims)
        return claims
    }

    /// OIDC Core §2 ID token claims.
    public static func idToken(_ patron: PatronClaimsSource, policy: ClaimPolicy, facts: AuthorizationFacts,
                               issuance: IssuanceFacts) -> [String: JSONValue] {
        var claims = [String: JSONValue](minimumCapacity: 16)
        addPatronClaims(patron, policy: policy, scopes: grantedScopes(facts, policy: policy), to: &claims)
        addTechnical(issuance, audience: policy.clientID, to: &claims)
        claims["azp"] = .string(policy.clientID)
        claims["auth_time"] = .number(facts.authTime.secondsSinceEpoch.rounded(.down))
        if let nonce = facts.nonce { claims["nonce"] = .string(nonce) }
        if let sid = facts.sessionID { claims["sid"] = .string(sid) }
        if let acr = facts.acr { claims["acr"] = .string(acr) }
        return claims
    }

    /// RFC 9068 §2.2 access token claims.
    public static func accessToken(_ patron: PatronClaimsSource, policy: ClaimPolicy, facts: AuthorizationFacts,
                                   issuance: IssuanceFacts) -> [String: JSONValue] {
        let scopes = grantedScopes(facts, policy: policy)
        var claims = [String: JSONValue](minimumCapacity: 16)
        addPatronClaims(patron, policy: policy, scopes: scopes, to: &claims)
        addTechnical(issuance, audience: policy.clientID, to: &claims)
        claims["client_id"] = .string(policy.clientID)
        claims["scope"] = .string(scopes.sorted().joined(separator: " "))
        claims["auth_time"] = .number(facts.authTime.secondsSinceEpoch.rounded(.down))
        if let sid = facts.sessionID { claims["sid"] = .string(sid) }
        if let acr = facts.acr { claims["acr"] = .string(acr) }
        return claims
    }

    /// OIDC Core §5.3.2 userinfo response for an access token's scopes.
    public static func userinfo(_ patron: PatronClaimsSource, policy: ClaimPolicy, scopes: Set<String>) -> [String: JSONValue] {
        patronClaims(patron, policy: policy, scopes: scopes.intersection(policy.allowedScopes))
    }

    /// RFC 7662 §2.2 introspection response for an active token.
    public static func introspection(_ patron: PatronClaimsSource, policy: ClaimPolicy, scopes: Set<String>,
                                     issuance: IssuanceFacts, tokenType: String) -> [String: JSONValue] {
        let granted = scopes.intersection(policy.allowedScopes)
        var claims = [String: JSONValue](minimumCapacity: 16)
        addPatronClaims(patron, policy: policy, scopes: granted, to: &claims)
        addTechnical(issuance, audience: policy.clientID, to: &claims)
        claims["active"] = .bool(true)
        claims["client_id"] = .string(policy.clientID)
        claims["scope"] = .string(granted.sorted().joined(separator: " "))
        claims["token_type"] = .string(tokenType)
        return claims
    }

    // Each token's claims go into one dictionary sized for them: building and merging
    // separate dictionaries cost more per token than the JSON they become.
    private static func addPatronClaims(_ patron: PatronClaimsSource, policy: ClaimPolicy, scopes: Set<String>,
                                        to claims: inout [String: JSONValue]) {
        claims["sub"] = .string(patron.mylibraryID)
        claims["mylibrary_id"] = .string(patron.mylibraryID)
        claims["library"] = .string(patron.library)
        guard policy.functionalCommunicationNeeded, !patron.processingRestricted else { return }
        if scopes.contains("profile") { claims["preferred_username"] = .string(patron.username) }
        if scopes.contains("email") {
            claims["email"] = .string(patron.email)
            claims["email_verified"] = .bool(patron.emailVerified)
        }
    }

    private static func addTechnical(_ issuance: IssuanceFacts, audience: String, to claims: inout [String: JSONValue]) {
        let issuedAt = issuance.now.secondsSinceEpoch.rounded(.down)
        claims["iss"] = .string(issuance.issuer)
        claims["aud"] = .string(audience)
        claims["iat"] = .number(issuedAt)
        claims["nbf"] = .number(issuedAt)
        claims["exp"] = .number(issuedAt + Double(issuance.lifetimeSeconds))
        claims["jti"] = .string(issuance.tokenID)
    }
}
