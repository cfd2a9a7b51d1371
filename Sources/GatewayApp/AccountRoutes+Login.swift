import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewayHTTP
import GatewayWeb

extension AccountRoutes {
    /// GET /login: a logged-in patron goes straight on, unless asked to log in again
    /// (`prompt=login`: the authorization endpoint needs a fresh authentication).
    func loginForm(_ request: HTTPRequest) -> HTTPResponse {
        guarded(request) {
            let returnTo = PageResponses.localPath(request.queryValues("return_to").first)
            let again = request.queryValues("prompt").first == "login"
            if !again, let id = cookies.session(in: request), try sessions.find(id) != nil { return PageResponses.redirect(returnTo ?? "/account") }
            let hint = String((request.queryValues("login_hint").first ?? "").prefix(254))
            return try renderLogin(request, identifier: hint, errors: [], returnTo: returnTo, status: 200)
        }
    }

    func renderLogin(_ request: HTTPRequest, identifier: String, errors: [Form.FieldError], returnTo: String?, status: Int) throws -> HTTPResponse {
        var response = HTTPResponse.html("", status: status)
        let (_, session) = try preLoginSession(request, response: &response)
        response.body = Array(LoginPage(identifier: identifier, errors: errors, csrfToken: session.csrfSecret,
                                        language: PageResponses.language(request), returnTo: returnTo).render().utf8)
        return response
    }

    /// POST /login: unknown account and wrong password get the same page, status and
    /// (through the dummy hash) about the same time.
    func submitLogin(_ request: HTTPRequest) -> HTTPResponse {
        guarded(request) {
            let language = PageResponses.language(request)
            guard let (form, preLoginID) = try verifiedForm(request) else { return PageResponses.formExpired(language, retry: "/login") }
            let returnTo = PageResponses.localPath(form.fields["return_to"])
            let outcome = try login.login(identifier: form["identifier"], password: form["password"], ip: Self.throttleAddress(request.clientAddress))
            logger.info("patron_login", ["outcome": .string(Self.label(outcome))])
            switch outcome {
            case .success(let account):
                return try startSession(for: account, replacing: preLoginID, continueTo: returnTo ?? "/account?lang=\(language.rawValue)",
                                        previous: cookies.session(in: request))
            case .failed:
                let error = Form.FieldError(field: "identifier", message: Text.errLoginFailed(language))
                return try renderLogin(request, identifier: form["identifier"], errors: [error], returnTo: returnTo, status: 401)
            case .lockedOut(let seconds):
                let error = Form.FieldError(field: "identifier", message: Text.errLockedOut(language))
                var response = try renderLogin(request, identifier: form["identifier"], errors: [error], returnTo: returnTo, status: 429)
                response.headers.set("Retry-After", String(seconds))
                return response
            case .membershipExpired:
                return .html(MessagePage.render(title: .membershipExpiredTitle, body: .membershipExpiredBody, language: language), status: 403)
            case .libraryUnavailable:
                return PageResponses.unavailable(language, body: .libraryUnavailableBody)
            case .busy(let seconds):
                return PageResponses.unavailable(language, body: .busyBody, retryAfter: seconds)
            }
        }
    }

    /// GET /account: who is logged in, and the logout button.
    func account(_ request: HTTPRequest) -> HTTPResponse {
        guarded(request) {
            guard let id = cookies.session(in: request), let session = try sessions.find(id),
                  let patron = try patrons.find(mylibraryID: session.mylibraryID) else {
                return PageResponses.redirect("/login?return_to=/account")
            }
            return .html(AccountPage.render(username: patron.username.display, library: patron.libraryID, csrfToken: session.csrfSecret,
                                            language: PageResponses.language(request), registered: request.queryValues("welcome").first == "1"))
        }
    }

    /// POST /logout: ends the SSO session (for every application) and clears the cookie.
    func logout(_ request: HTTPRequest) -> HTTPResponse {
        guarded(request) {
            let language = PageResponses.language(request)
            guard FormPost.comesFromOurOrigin(request, issuer: issuer), let form = FormPost(request),
                  let id = cookies.session(in: request) else { return PageResponses.formExpired(language, retry: "/account") }
            if let session = try sessions.find(id) {
                guard ConstantTime.equal(form["csrf_token"], session.csrfSecret) else { return PageResponses.formExpired(language, retry: "/account") }
                if let ended = try sessions.delete(id) { sessionEnded(ended) }
            }
            var response = HTTPResponse.html(MessagePage.render(title: .loggedOutTitle, body: .loggedOutBody, language: language,
                                                                link: ("/login?lang=\(language.rawValue)", .loginButton)))
            cookies.clear(cookies.sessionName, on: &response)
            return response
        }
    }

    /// The client address the throttle counts: IPv4 as is, IPv6 by its /64 prefix (one
    /// host usually holds a whole /64, so counting single addresses would be no limit).
    static func throttleAddress(_ address: String) -> String {
        guard let ip = IPAddress(address), ip.bytes.count == 16 else { return address }
        return ip.bytes.prefix(8).map { String($0, radix: 16) }.joined(separator: ".") + "/64"
    }

    static func label(_ outcome: LoginOutcome) -> String {
        switch outcome {
        case .success: "success"
        case .failed: "failed"
        case .lockedOut: "locked_out"
        case .membershipExpired: "membership_expired"
        case .libraryUnavailable: "library_unavailable"
        case .busy: "busy"
        }
    }
}
