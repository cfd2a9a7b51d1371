import GatewayCore

/// Policies are stored and exported in the same JSON format they are written in:
/// encoding writes snake_case members with every default made explicit, and decoding goes
/// through `PolicyParser`, so a decoded policy is as validated as a parsed one.
extension ApplicationPolicy: Codable {
    enum CodingKeys: String, CodingKey {
        case clientID = "client_id", displayName = "display_name", supplier, description
        case clientType = "client_type", tokenEndpointAuthMethod = "token_endpoint_auth_method"
        case clientSecretHash = "client_secret_hash", jwks, jwksURI = "jwks_uri"
        case redirectURIs = "redirect_uris", postLogoutRedirectURIs = "post_logout_redirect_uris"
        case backchannelLogoutURI = "backchannel_logout_uri"
        case backchannelLogoutSessionRequired = "backchannel_logout_session_required"
        case policyURI = "policy_uri", libraries, allowedScopes = "allowed_scopes"
        case functionalCommunication = "functional_communication", extraConsents = "extra_consents"
        case idTokenSignedResponseAlg = "id_token_signed_response_alg", subjectType = "subject_type"
        case tokenLifetimes = "token_lifetimes", refreshTokenReuseGraceSeconds = "refresh_token_reuse_grace_seconds"
        case active
    }

    /// Decodes and validates; throws `InvalidPolicyError` listing every problem.
    public init(from decoder: any Decoder) throws {
        self = try PolicyParser.parse(JSONValue(from: decoder))
    }

    /// Encodes in the policy file format; absent optional fields are left out.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(clientID, forKey: .clientID)
        try container.encode(displayName, forKey: .displayName)
        try container.encode(supplier, forKey: .supplier)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encode(clientType, forKey: .clientType)
        try container.encode(tokenEndpointAuthMethod, forKey: .tokenEndpointAuthMethod)
        try container.encodeIfPresent(clientSecretHash, forKey: .clientSecretHash)
        switch publicKeys {
        case .jwks(let set): try container.encode(EncodableJSON(set), forKey: .jwks)
        case .jwksURI(let uri): try container.encode(uri, forKey: .jwksURI)
        case nil: break
        }
        try container.encode(redirectURIs, forKey: .redirectURIs)
        try container.encode(postLogoutRedirectURIs, forKey: .postLogoutRedirectURIs)
        try container.encodeIfPresent(backchannelLogoutURI, forKey: .backchannelLogoutURI)
        try container.encode(backchannelLogoutSessionRequired, forKey: .backchannelLogoutSessionRequired)
        try container.encodeIfPresent(policyURI, forKey: .policyURI)
        try container.encode(libraries, forKey: .libraries)
        try container.encode(allowedScopes, forKey: .allowedScopes)
        try container.encode(functionalCommunication, forKey: .functionalCommunication)
        try container.encode(extraConsents, forKey: .extraConsents)
        try container.encode(idTokenSignedResponseAlg, forKey: .idTokenSignedResponseAlg)
        try container.encode(subjectType, forKey: .subjectType)
        try container.encode(tokenLifetimes, forKey: .tokenLifetimes)
        try container.encode(refreshTokenReuseGraceSeconds, forKey: .refreshTokenReuseGraceSeconds)
        try container.encode(active, forKey: .active)
    }
}
