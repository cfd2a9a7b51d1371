import GatewayCore

/// A successful token response (RFC 6749 §5.1, OIDC Core §3.1.3.3).
public struct TokenResponse: Sendable, Equatable {
    /// The RFC 9068 access token.
    public let accessToken: String
    /// Seconds until it expires.
    public let expiresIn: Int
    /// Granted scopes.
    public let scope: Set<String>
    /// The ID token (code exchange only).
    public let idToken: String?
    /// The new refresh token, when the grant has `offline_access`.
    public let refreshToken: String?

    /// The JSON body; `token_type` is always `Bearer`.
    public var json: String {
        var members: [String: JSONValue] = [
            "access_token": .string(accessToken), "token_type": .string("Bearer"), "expires_in": .number(Double(expiresIn)),
            "scope": .string(scope.sorted().joined(separator: " ")),
        ]
        if let idToken { members["id_token"] = .string(idToken) }
        if let refreshToken { members["refresh_token"] = .string(refreshToken) }
        return JSONValue.object(members).serialized
    }
}
