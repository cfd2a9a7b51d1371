import GatewayCore

/// A successful token response (RFC 6749 §5.1, OIDC Core §3.1.3.3).
struct TokenResponse: Sendable {
    let accessToken: String
    let idToken: String?
    let refreshToken: String?

    /// Reads the answer of the token endpoint: a 200 with `access_token` and a Bearer
    /// `token_type`, or the error object of RFC 6749 §5.2 (thrown as `.tokenError`).
    init(_ answer: GatewayConnection.Answer) throws(DemoFailure) {
        guard answer.status == 200 else {
            func text(_ name: String) -> String? {
                if case .string(let value)? = answer.object?[name] { String(value.prefix(300)) } else { nil }
            }
            throw .tokenError(status: answer.status, code: text("error") ?? "(none)", description: text("error_description"))
        }
        guard let members = answer.object else { throw .invalidTokenResponse("it is not a JSON object") }
        guard case .string(let accessToken)? = members["access_token"], !accessToken.isEmpty else {
            throw .invalidTokenResponse("access_token is missing")
        }
        guard case .string(let type)? = members["token_type"], type.lowercased() == "bearer" else {
            throw .invalidTokenResponse("token_type is not Bearer")
        }
        self.accessToken = accessToken
        idToken = if case .string(let token)? = members["id_token"] { token } else { nil }
        refreshToken = if case .string(let token)? = members["refresh_token"] { token } else { nil }
    }
}
