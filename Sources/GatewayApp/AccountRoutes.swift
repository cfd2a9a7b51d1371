import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewayHTTP
import GatewayWeb

/// The patron pages: registration, login, the account page, logout and the stylesheet.
/// Every form is bound to a session (pre-login or SSO) by a synchroniser CSRF token and
/// checked for our own `Origin`; Redis being down means 503, never an unchecked login.
struct AccountRoutes: Sendable {
    let registration: RegistrationService
    let login: LoginService
    let sessions: any SessionStore
    let patrons: any PatronStore
    let libraries: any LibrarySystem
    let cookies: SessionCookies
    let issuer: String
    let sessionEnded: @Sendable (Session) -> Void
    let logger: Logger

    func register(in router: inout Router) {
        router.get("/static/gateway.css") { _ in
            HTTPResponse(status: 200, headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=86400"],
                         body: Array(Stylesheet.css.utf8))
        }
        router.get("/register") { request in registrationForm(request) }
        // Both hash a password: they run off the HTTP worker threads (see Router.add).
        router.post("/register", blocking: true) { request in submitRegistration(request) }
        router.get("/login") { request in loginForm(request) }
        router.post("/login", blocking: true) { request in submitLogin(request) }
        router.get("/account") { request in account(request) }
        router.post("/logout") { request in logout(request) }
    }

    /// Runs `body`, turning Redis and store outages into the 503 page.
    func guarded(_ request: HTTPRequest, _ body: () throws -> HTTPResponse) -> HTTPResponse {
        do { return try body() } catch {
            logger.warning("patron_page_unavailable", ["error_type": .string(String(describing: type(of: error)))])
            return PageResponses.unavailable(PageResponses.language(request))
        }
    }

    /// The pre-login session of the request, or a new one (with its cookie on `response`).
    func preLoginSession(_ request: HTTPRequest, response: inout HTTPResponse) throws -> (SessionID, Session.PreLogin) {
        if let id = cookies.preLogin(in: request), let existing = try sessions.findPreLogin(id) { return (id, existing) }
        let (id, session) = try sessions.createPreLogin()
        cookies.set(cookies.preLoginName, id, on: &response)
        return (id, session)
    }

    /// The posted form when its CSRF token matches the pre-login session and it came from us.
    func verifiedForm(_ request: HTTPRequest) throws -> (FormPost, SessionID)? {
        guard FormPost.comesFromOurOrigin(request, issuer: issuer), let form = FormPost(request),
              let id = cookies.preLogin(in: request), let session = try sessions.findPreLogin(id),
              ConstantTime.equal(form["csrf_token"], session.csrfSecret) else { return nil }
        return (form, id)
    }

    func registrationForm(_ request: HTTPRequest) -> HTTPResponse {
        guarded(request) {
            var values = RegistrationPage.Values()
            values.language = PageResponses.language(request)
            values.returnTo = PageResponses.localPath(request.queryValues("return_to").first)
            return try renderRegistration(request, values: values, errors: [], status: 200)
        }
    }

    func renderRegistration(_ request: HTTPRequest, values: RegistrationPage.Values, errors: [Form.FieldError], status: Int) throws -> HTTPResponse {
        var response = HTTPResponse.html("", status: status)
        let (_, session) = try preLoginSession(request, response: &response)
        let choices = try libraries.libraries().map { (id: $0.id, name: $0.displayName) }
        response.body = Array(RegistrationPage(libraries: choices, values: values, errors: errors, csrfToken: session.csrfSecret,
                                               language: PageResponses.language(request)).render().utf8)
        return response
    }
}
