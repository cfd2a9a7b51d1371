import GatewayAccounts
import GatewayCore
import GatewayHTTP
import GatewayWeb

extension AccountRoutes {
    /// POST /register: nothing is stored unless every check passes; the new account is
    /// logged in with a fresh session id (the pre-login id is never promoted).
    func submitRegistration(_ request: HTTPRequest) -> HTTPResponse {
        guarded(request) {
            let language = PageResponses.language(request)
            guard let (form, preLoginID) = try verifiedForm(request) else { return PageResponses.formExpired(language, retry: "/register") }
            let values = echoedValues(form, language: language)
            let outcome = try registration.register(RegistrationRequest(
                library: form["library"], cardNumber: form["card_number"], cardSecret: form["card_secret"], username: form["username"],
                email: form["email"], password: form["password"], passwordAgain: form["password_again"],
                directMarketing: form["marketing"] == "yes", language: form["language"] == "en" ? .english : .dutch))
            switch outcome {
            case .registered(let account):
                logger.info("patron_registered", ["library": .string(account.libraryID)])
                return try startSession(for: account, replacing: preLoginID,
                                        continueTo: values.returnTo ?? "/account?welcome=1&lang=\(values.language.rawValue)")
            case .refused(let problems):
                return try renderRegistration(request, values: values, errors: AccountMessages.fieldErrors(problems, language: language), status: 422)
            case .libraryUnavailable:
                return PageResponses.unavailable(language, body: .libraryUnavailableBody)
            case .busy(let seconds):
                return PageResponses.unavailable(language, body: .busyBody, retryAfter: seconds)
            }
        }
    }

    private func echoedValues(_ form: FormPost, language: Language) -> RegistrationPage.Values {
        var values = RegistrationPage.Values()
        values.library = form["library"]
        values.cardNumber = form["card_number"]
        values.username = form["username"]
        values.email = form["email"]
        values.marketing = form["marketing"] == "yes"
        values.language = form["language"] == "en" ? .en : (form["language"] == "nl" ? .nl : language)
        values.returnTo = PageResponses.localPath(form.fields["return_to"])
        return values
    }

    /// Creates the SSO session (new id, pre-login session dropped), sets its cookie and
    /// sends the browser on. A session the browser already had ends: when the same patron
    /// logged in again (`prompt=login`, `max_age`) its applications move to the new session;
    /// when another patron logged in, the old patron's applications get a back-channel logout.
    func startSession(for account: PatronAccount, replacing preLoginID: SessionID?, continueTo location: String,
                      previous: SessionID? = nil) throws -> HTTPResponse {
        let (id, _) = try sessions.create(mylibraryID: account.mylibraryID, amr: ["pwd"], acr: nil, replacing: preLoginID)
        if let previous, let ended = try sessions.delete(previous) {
            if ended.mylibraryID == account.mylibraryID {
                for client in ended.clientIDs.sorted() { _ = try sessions.addClient(client, to: id) }
            } else {
                sessionEnded(ended)
            }
        }
        var response = PageResponses.redirect(location)
        cookies.set(cookies.sessionName, id, on: &response)
        cookies.clear(cookies.preLoginName, on: &response)
        return response
    }
}
