import GatewayCore
import GatewayHTTP

/// The redirect URI (`GET /callback`): checks the authorization response — one login in
/// progress, `state` (RFC 6749 §10.12), `iss` (RFC 9207 §2.4), then `error` or `code` —
/// exchanges the code with the PKCE verifier, verifies the tokens and keeps the result in
/// a fresh demo session (new cookie value: no session fixation).
struct CallbackHandler: Sendable {
    let context: DemoContext

    func handle(_ request: HTTPRequest) -> HTTPResponse {
        do {
            let login = try complete(request)
            context.sessions.remove(login.previousSessionID)
            var session = context.sessions.create()
            session.login = login.result
            context.sessions.update(session)
            context.logger.info("demo_login_completed", ["sid_present": .bool(login.result.sessionID != nil)])
            var response = context.redirect("/")
            context.setCookie(session, on: &response)
            return response
        } catch {
            return context.failure(error, title: "Login failed", event: "demo_login_refused")
        }
    }

    private func complete(_ request: HTTPRequest) throws(DemoFailure) -> (result: LoginResult, previousSessionID: String) {
        guard let session = context.session(for: request), let pending = context.sessions.takePendingLogin(session.id) else {
            throw .noLoginInProgress
        }
        guard context.clock.monotonicSeconds() - pending.startedAt <= context.configuration.loginTimeoutSeconds else {
            throw .loginExpired
        }
        let code = try checkResponse(request, pending: pending)
        let provider = try context.directory.provider()
        let client = TokenEndpointClient(configuration: context.configuration, connection: context.connection)
        let tokens = try client.exchange(code: code, verifier: pending.codeVerifier, endpoint: provider.metadata.tokenEndpoint)
        let inspector = TokenInspector(configuration: context.configuration, connection: context.connection, provider: provider)
        return (try inspector.loginResult(tokens, nonce: pending.nonce), session.id)
    }

    /// The authorization code, once state, iss and error have been checked in that order.
    func checkResponse(_ request: HTTPRequest, pending: PendingLogin) throws(DemoFailure) -> String {
        var single: [String: String] = [:]
        for name in ["state", "iss", "code", "error", "error_description"] {
            let values = request.queryValues(name)
            guard values.count <= 1 else { throw .duplicateParameter(name) }
            single[name] = values.first
        }
        guard single["state"] == pending.state else { throw .stateMismatch }
        guard let issuer = single["iss"] else { throw .issuerMissing }
        guard issuer == context.configuration.issuer else { throw .issuerMismatch }
        if let error = single["error"] {
            throw .authorizationError(code: String(error.prefix(100)), description: single["error_description"].map { String($0.prefix(300)) })
        }
        guard let code = single["code"], !code.isEmpty else { throw .missingCode }
        return code
    }
}
