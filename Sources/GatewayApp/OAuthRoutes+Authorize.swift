import GatewayAccounts
import GatewayCore
import GatewayHTTP
import GatewayOAuth
import GatewayPolicy
import GatewayWeb

extension OAuthRoutes {
    /// GET/POST /authorize (OIDC Core §3.1.2): validate, then login, refusal, consent or code.
    func authorize(_ request: HTTPRequest) -> HTTPResponse {
        let parameters: OAuthParameters
        let items: [(name: String, value: String)]
        do {
            parameters = try OAuthResponses.parameters(request)
            items = request.method == "POST" ? URLDecoding.formDecode(request.body).map { ($0.name, $0.value) }
                : request.queryItems.map { ($0.name, $0.value) }
        } catch {
            return problemPage(.authProblemTitle, .badClientBody, language: Self.language(request), status: 400)
        }
        return authorize(request, parameters: parameters, items: items, consentGiven: false)
    }

    /// The common path of /authorize and the consent form.
    func authorize(_ request: HTTPRequest, parameters: OAuthParameters, items: [(name: String, value: String)],
                   consentGiven: Bool) -> HTTPResponse {
        let authorization: AuthorizationRequest
        do { authorization = try checks.validate(parameters) } catch { return rejection(error, request: request) }
        let language = Self.language(request, uiLocales: authorization.uiLocales)
        return guardedPage(request) {
            let current = try currentSession(request)
            let account = try current.flatMap { try patrons.find(mylibraryID: $0.1.mylibraryID) }
            let patron = account.map { AuthorizationDecision.Patron(library: $0.libraryID, restricted: $0.status == .restricted) }
            let fingerprint = consentGiven ? ConsentDisclosure(policy: authorization.policy).fingerprint
                : try account.flatMap { try consents.consent(mylibraryID: $0.mylibraryID, clientID: authorization.policy.clientID) }?.disclosureFingerprint
            let effective = consentGiven ? authorization.withoutPrompt(.consent) : authorization
            let decision = AuthorizationDecision.decide(effective, session: current?.1, patron: patron, consentFingerprint: fingerprint, now: clock.now())
            switch decision {
            case .login: return loginRedirect(authorization, items: items, language: language, again: current != nil)
            case .refuse(let refusal): return refusalPage(refusal, authorization, language: language)
            case .consent: return consentPage(authorization, items: items, session: current!.1, language: language)
            case .error(let error): return redirect(error, authorization)
            case .issueCode: return try issueCode(authorization, id: current!.0, session: current!.1)
            }
        }
    }

    /// Issues the code (RFC 6749 §4.1.2) bound to client, redirect URI and PKCE challenge,
    /// records that the session logged into the client, and redirects with `iss` (RFC 9207).
    func issueCode(_ authorization: AuthorizationRequest, id: SessionID, session: Session) throws -> HTTPResponse {
        let policy = authorization.policy
        let code = OpaqueToken.generate(using: random)
        let record = AuthorizationCode(
            grantID: random.hex(16), clientID: policy.clientID, redirectURI: authorization.redirectURI, codeChallenge: authorization.codeChallenge,
            mylibraryID: session.mylibraryID.rawValue, scopes: authorization.scopes.sorted(), requestedClaims: authorization.requestedClaims.sorted(),
            nonce: authorization.nonce, authTime: session.authTime, sid: session.sid, acr: session.acr, issuedAt: clock.now())
        try codes.save(record, codeHash: code.hash, ttlSeconds: policy.tokenLifetimes.authorizationCodeSeconds)
        _ = try sessions.addClient(policy.clientID, to: id)
        logger.info("authorization_code_issued", ["client_id": .string(policy.clientID)])
        return PageResponses.redirect(RedirectURI.build(authorization.redirectURI,
                                                        [("code", code.value), ("state", authorization.state), ("iss", issuer)]))
    }

    /// To the login form, coming back to this request afterwards — without `prompt=login`
    /// and `max_age`, which the fresh login has just satisfied (or the patron would loop).
    /// `again`: the patron has a session but must authenticate anew, so the login form is
    /// shown even though a session exists.
    func loginRedirect(_ authorization: AuthorizationRequest, items: [(name: String, value: String)], language: Language,
                       again: Bool) -> HTTPResponse {
        var carried = items.filter { $0.name != "max_age" && $0.name != "prompt" }
        let prompt = authorization.prompt.subtracting([.login]).map(\.rawValue).sorted().joined(separator: " ")
        if !prompt.isEmpty { carried.append(("prompt", prompt)) }
        let returnTo = "/authorize?" + OAuthResponses.query(carried)
        var target = "/login?lang=\(language.rawValue)&return_to=\(RedirectURI.encode(returnTo))"
        if let hint = authorization.loginHint { target += "&login_hint=\(RedirectURI.encode(hint))" }
        if again { target += "&prompt=login" }
        return PageResponses.redirect(target)
    }

    func rejection(_ rejection: AuthorizationRejection, request: HTTPRequest) -> HTTPResponse {
        switch rejection {
        case .page(let reason):
            logger.info("authorization_refused", ["reason": .string(reason.rawValue)])
            let body: Text = switch reason {
            case .unknownClient: .badClientBody
            case .inactiveClient: .inactiveClientBody
            case .badRedirectURI: .badRedirectBody
            }
            return problemPage(.authProblemTitle, body, language: Self.language(request), status: 400)
        case .redirect(let error, let redirectURI, let state):
            logger.info("authorization_error", ["error": .string(error.code.rawValue), "detail": .string(error.detail ?? error.clientDescription)])
            return PageResponses.redirect(RedirectURI.error(error, redirectURI: redirectURI, state: state, issuer: issuer))
        }
    }

    func redirect(_ error: OAuthError, _ authorization: AuthorizationRequest) -> HTTPResponse {
        rejection(.redirect(error, redirectURI: authorization.redirectURI, state: authorization.state), request: HTTPRequest(method: "GET", path: "/"))
    }

    /// A patron who may not use the application: a clear page, and a link that takes the
    /// application its `access_denied` (the application learns nothing else).
    func refusalPage(_ refusal: AuthorizationDecision.Refusal, _ authorization: AuthorizationRequest, language: Language) -> HTTPResponse {
        logger.info("authorization_refused", ["reason": .string(refusal.rawValue), "client_id": .string(authorization.policy.clientID)])
        let denied = OAuthError(.accessDenied, "The patron may not use this application.")
        let back = RedirectURI.error(denied, redirectURI: authorization.redirectURI, state: authorization.state, issuer: issuer)
        let (title, body): (Text, Text) = refusal == .notSubscribed ? (.notSubscribedTitle, .notSubscribedBody) : (.restrictedTitle, .restrictedBody)
        return .html(MessagePage.render(title: title, body: body, language: language, link: (back, .backToApplication)), status: 403)
    }

    func problemPage(_ title: Text, _ body: Text, language: Language, status: Int) -> HTTPResponse {
        .html(MessagePage.render(title: title, body: body, language: language), status: status)
    }
}
