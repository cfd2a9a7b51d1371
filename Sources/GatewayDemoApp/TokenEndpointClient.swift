/// Calls the token endpoint for the two grants the demo uses: the authorization code
/// with its PKCE verifier (RFC 6749 §4.1.3, RFC 7636 §4.5) and the refresh token
/// (RFC 6749 §6), authenticating as the policy says.
struct TokenEndpointClient: Sendable {
    let configuration: DemoAppConfiguration
    let connection: GatewayConnection

    /// Exchanges `code` for tokens.
    func exchange(code: String, verifier: String, endpoint: String) throws(DemoFailure) -> TokenResponse {
        try request(endpoint, [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", configuration.redirectURI),
            ("code_verifier", verifier),
        ])
    }

    /// Uses `refreshToken` for new tokens.
    func refresh(_ refreshToken: String, endpoint: String) throws(DemoFailure) -> TokenResponse {
        try request(endpoint, [("grant_type", "refresh_token"), ("refresh_token", refreshToken)])
    }

    private func request(_ endpoint: String, _ grant: [(String, String)]) throws(DemoFailure) -> TokenResponse {
        var fields = grant
        var headers: [String: String] = [:]
        configuration.clientAuthentication.apply(clientID: configuration.clientID, to: &fields, headers: &headers)
        return try TokenResponse(connection.postForm(endpoint, fields: fields, headers: headers, label: "POST token"))
    }
}
