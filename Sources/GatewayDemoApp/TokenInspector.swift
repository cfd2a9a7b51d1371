import GatewayCore
import GatewayVerifier

/// Turns a token response into a `LoginResult`: verifies the ID token (signature via the
/// JWKS, `iss`, `aud`, `exp`, `nonce`; `azp` when there are several audiences — OIDC
/// Core §3.1.3.7), calls userinfo with the access token and checks its `sub` (§5.3.4),
/// and reads the access token's claims (RFC 9068).
struct TokenInspector: Sendable {
    let configuration: DemoAppConfiguration
    let connection: GatewayConnection
    let provider: Provider

    /// The result of a code exchange made for a login with `nonce`.
    func loginResult(_ tokens: TokenResponse, nonce: String) throws(DemoFailure) -> LoginResult {
        guard let idToken = tokens.idToken else { throw .invalidTokenResponse("id_token is missing (was openid requested?)") }
        let claims = try verifyIDToken(idToken, nonce: nonce)
        var result = LoginResult(idToken: idToken, idTokenClaims: claims.all, subject: claims.subject, sessionID: claims.sessionID,
                                 accessToken: tokens.accessToken, refreshToken: tokens.refreshToken)
        try readUserinfo(into: &result)
        readAccessToken(into: &result)
        return result
    }

    /// `result` after a refresh: new access token, the new refresh token when the gateway
    /// rotated it, and a new ID token when one came, which must be about the same subject
    /// and carry no other nonce (OIDC Core §12.2).
    func refreshed(_ result: LoginResult, with tokens: TokenResponse) throws(DemoFailure) -> LoginResult {
        var next = result
        if let idToken = tokens.idToken {
            let claims = try verifyIDToken(idToken, nonce: nil)
            guard claims.subject == result.subject else { throw .idTokenRejected("the refreshed ID token is about another subject") }
            if let nonce = claims.nonce, result.idTokenClaims["nonce"] != .string(nonce) {
                throw .idTokenRejected("the refreshed ID token carries another nonce")
            }
            next.idToken = idToken
            next.idTokenClaims = claims.all
            next.sessionID = claims.sessionID ?? result.sessionID
        }
        next.accessToken = tokens.accessToken
        next.refreshToken = tokens.refreshToken ?? result.refreshToken
        next.refreshCount += 1
        readAccessToken(into: &next)
        return next
    }

    private func verifyIDToken(_ token: String, nonce: String?) throws(DemoFailure) -> GatewayClaims {
        let verifier = provider.idTokens
        let outcome = AsyncBridge.wait { () async -> Result<GatewayClaims, GatewayVerifierError> in
            do throws(GatewayVerifierError) { return .success(try await verifier.verifyIDToken(token, nonce: nonce)) } catch {
                return .failure(error)
            }
        }
        let claims: GatewayClaims
        switch outcome {
        case .success(let verified): claims = verified
        case .failure(let error): throw .idTokenRejected(error.description)
        }
        if claims.audience.count > 1 {
            guard case .string(configuration.clientID)? = claims.all["azp"] else {
                throw .idTokenRejected("several audiences but azp is not this client")
            }
        }
        return claims
    }

    private func readUserinfo(into result: inout LoginResult) throws(DemoFailure) {
        guard let endpoint = provider.metadata.userinfoEndpoint else {
            result.userinfoProblem = "the gateway's discovery document lists no userinfo_endpoint"
            return
        }
        let answer: GatewayConnection.Answer
        do { answer = try connection.get(endpoint, bearer: result.accessToken, label: "GET userinfo") } catch {
            result.userinfoProblem = error.description
            return
        }
        guard answer.status == 200, let members = answer.object else {
            result.userinfoProblem = "the userinfo endpoint answered HTTP \(answer.status) without a JSON object"
            return
        }
        guard case .string(result.subject)? = members["sub"] else { throw .userinfoSubjectMismatch }
        result.userinfo = members
    }

    private func readAccessToken(into result: inout LoginResult) {
        let verifier = provider.accessTokens
        let token = result.accessToken
        let outcome = AsyncBridge.wait { () async -> Result<GatewayClaims, GatewayVerifierError> in
            do throws(GatewayVerifierError) { return .success(try await verifier.verifyAccessToken(token)) } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let claims):
            result.accessTokenClaims = claims.all
            result.accessTokenProblem = nil
        case .failure(let error):
            result.accessTokenClaims = nil
            result.accessTokenProblem = "not verified as an RFC 9068 JWT: \(error.description)"
        }
    }
}
