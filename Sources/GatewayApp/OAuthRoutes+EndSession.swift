import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewayHTTP
import GatewayOAuth
import GatewayPolicy
import GatewayWeb

extension OAuthRoutes {
    /// GET/POST /end-session (RP-Initiated Logout 1.0 §2–§3). With an `id_token_hint` that
    /// names the current session the patron is logged out at once; otherwise the patron is
    /// asked first. Afterwards the patron goes to the registered `post_logout_redirect_uri`
    /// (with `state`), or sees the logged-out page. An invalid request never redirects.
    func endSession(_ request: HTTPRequest) -> HTTPResponse {
        guardedPage(request) {
            let parameters = (try? OAuthResponses.parameters(request)) ?? OAuthParameters([])
            let language = Self.language(request, uiLocales: try? parameters.single("ui_locales"))
            let current = try currentSession(request)
            let logout: EndSessionRequest
            do throws(EndSessionRequest.Rejection) { logout = try EndSessionRequest.validate(parameters, verifier: verifier, policies: policies) } catch {
                logger.info("end_session_refused", ["reason": .string(error.rawValue)])
                guard let (_, session) = current else { return loggedOut(language, status: 400) }
                return .html(LogoutConfirmPage.render(fields: [], csrfToken: session.csrfSecret, language: language, problem: true), status: 400)
            }
            guard let (id, session) = current else { return afterLogout(logout, language: language) }
            if let hinted = logout.hintedSessionID, ConstantTime.equal(hinted, session.sid) {
                var response = afterLogout(logout, language: language)
                try endSession(id, on: &response)
                return response
            }
            let fields = [("client_id", logout.policy?.clientID), ("post_logout_redirect_uri", logout.postLogoutRedirectURI), ("state", logout.state)]
                .compactMap { name, value in value.map { (name: name, value: $0) } }
            return .html(LogoutConfirmPage.render(fields: fields, csrfToken: session.csrfSecret, language: language, problem: false))
        }
    }

    /// POST /end-session/confirm: the patron said yes.
    func confirmEndSession(_ request: HTTPRequest) -> HTTPResponse {
        let language = Self.language(request)
        return guardedPage(request) {
            guard FormPost.comesFromOurOrigin(request, issuer: issuer), let form = FormPost(request),
                  let (id, session) = try currentSession(request), ConstantTime.equal(form["csrf_token"], session.csrfSecret) else {
                return PageResponses.formExpired(language, retry: "/account")
            }
            let carried = ["client_id", "post_logout_redirect_uri", "state"].compactMap { name in form.fields[name].map { (name, $0) } }
            let logout = try? EndSessionRequest.validate(OAuthParameters(carried), verifier: verifier, policies: policies)
            var response = afterLogout(logout, language: language)
            try endSession(id, on: &response)
            return response
        }
    }

    private func afterLogout(_ logout: EndSessionRequest?, language: Language) -> HTTPResponse {
        guard let logout, let target = logout.postLogoutRedirectURI else { return loggedOut(language, status: 200) }
        return PageResponses.redirect(RedirectURI.build(target, [("state", logout.state)]))
    }

    private func loggedOut(_ language: Language, status: Int) -> HTTPResponse {
        .html(MessagePage.render(title: .loggedOutTitle, body: .loggedOutBody, language: language,
                                 link: ("/login?lang=\(language.rawValue)", .loginButton)), status: status)
    }
}
