import GatewayOAuth
import GatewayPolicy
import Testing

private let eBooks = try! PolicyParser.loadFile("Policies/e-books.json")
private let checks = AuthorizationChecks(policies: { $0 == "e-books" ? eBooks : nil })
private let valid: [(String, String)] = [
    ("client_id", "e-books"), ("redirect_uri", "http://127.0.0.1:8091/callback"), ("response_type", "code"),
    ("scope", "openid offline_access"), ("state", "st-1"), ("nonce", "n-1"), ("code_challenge", OAuthFixture.challenge),
    ("code_challenge_method", "S256"),
]

private func validate(_ pairs: [(String, String)]) -> Result<AuthorizationRequest, AuthorizationRejection> {
    Result { () throws(AuthorizationRejection) in try checks.validate(OAuthParameters(pairs.map { ($0.0, $0.1) })) }
}

private func replacing(_ name: String, with value: String?) -> [(String, String)] {
    var pairs = valid.filter { $0.0 != name }
    if let value { pairs.append((name, value)) }
    return pairs
}

/// OIDC Core §3.1.2.1–§3.1.2.2, RFC 6749 §4.1.2.1, RFC 7636 §4.4.1.
@Suite struct AuthorizationChecksTests {
    @Test func aValidRequestKeepsEverythingTheClientSent() throws {
        let request = try validate(valid).get()
        #expect(request.policy.clientID == "e-books" && request.state == "st-1" && request.nonce == "n-1")
        #expect(request.scopes == ["openid", "offline_access"] && request.codeChallenge == OAuthFixture.challenge)
    }

    @Test(arguments: [
        (replacing("client_id", with: nil), AuthorizationRejection.Reason.unknownClient),
        (replacing("client_id", with: "nobody"), .unknownClient),
        (valid + [("client_id", "e-books")], .unknownClient),
        (replacing("redirect_uri", with: nil), .badRedirectURI),
        (replacing("redirect_uri", with: "http://127.0.0.1:8091/callback/"), .badRedirectURI),
        (replacing("redirect_uri", with: "http://127.0.0.1:8091/callback?x=1"), .badRedirectURI),
        (replacing("redirect_uri", with: "https://evil.example/callback"), .badRedirectURI),
    ] as [([(String, String)], AuthorizationRejection.Reason)])
    func clientAndRedirectErrorsAreShownNeverRedirected(pairs: [(String, String)], reason: AuthorizationRejection.Reason) {
        #expect(validate(pairs).rejection == .page(reason))
    }

    @Test(arguments: [
        (replacing("response_type", with: nil), OAuthError.Code.invalidRequest),
        (replacing("response_type", with: "token"), .unsupportedResponseType),
        (replacing("response_type", with: "code id_token"), .unsupportedResponseType),
        (replacing("response_mode", with: "fragment"), .invalidRequest),
        (replacing("scope", with: "profile email"), .invalidScope),
        (replacing("code_challenge", with: nil), .invalidRequest),
        (replacing("code_challenge_method", with: "plain"), .invalidRequest),
        (replacing("code_challenge_method", with: nil), .invalidRequest),
        (replacing("code_challenge", with: "too-short"), .invalidRequest),
        (valid + [("state", "again")], .invalidRequest),
        (valid + [("scope", "openid")], .invalidRequest),
        (valid + [("request", "eyJ.e30.")], .requestNotSupported),
        (valid + [("request_uri", "https://x.example/r")], .requestURINotSupported),
        (valid + [("prompt", "none login")], .invalidRequest),
        (valid + [("prompt", "select_account")], .invalidRequest),
        (valid + [("max_age", "-1")], .invalidRequest),
        (valid + [("max_age", "soon")], .invalidRequest),
        (valid + [("claims", "not json")], .invalidRequest),
        (valid + [("nonce2", "x"), ("ui_locales", String(repeating: "n", count: 101))], .invalidRequest),
    ] as [([(String, String)], OAuthError.Code)])
    func laterErrorsGoBackToTheRedirectURIWithState(pairs: [(String, String)], code: OAuthError.Code) {
        guard case .redirect(let error, let uri, let state)? = validate(pairs).rejection else {
            Issue.record("expected a redirected error for \(pairs.last!)")
            return
        }
        #expect(error.code == code)
        #expect(uri == "http://127.0.0.1:8091/callback")
        #expect(state == (pairs.contains { $0 == ("state", "again") } ? nil : "st-1"))
    }

    @Test func scopesThePolicyDoesNotAllowAreDropped() throws {
        let request = try validate(replacing("scope", with: "openid profile email offline_access address")).get()
        #expect(request.scopes == ["openid", "offline_access"])
    }

    @Test func claimsParameterIsRecordedButParsedStrictly() throws {
        let request = try validate(valid + [("claims", #"{"userinfo":{"email":null},"id_token":{"preferred_username":{"essential":true}}}"#)]).get()
        #expect(request.requestedClaims == ["email", "preferred_username"])
    }

    @Test func promptMaxAgeLocalesAndHintAreParsed() throws {
        let request = try validate(valid + [("prompt", "login consent"), ("max_age", "0"), ("ui_locales", "en nl"), ("login_hint", "lezer42")]).get()
        #expect(request.prompt == [.login, .consent] && request.maxAge == 0 && request.uiLocales == "en nl" && request.loginHint == "lezer42")
        #expect(request.withoutPrompt(.login).prompt == [.consent])
    }

    @Test func redirectedErrorsCarryIssuerAndState() {
        let error = OAuthError(.accessDenied, "No & no.")
        let uri = RedirectURI.error(error, redirectURI: "https://app.example/cb?x=1", state: "a b", issuer: "https://login.example.org")
        #expect(uri == "https://app.example/cb?x=1&error=access_denied&error_description=No%20%26%20no.&state=a%20b&iss=https%3A%2F%2Flogin.example.org")
    }
}

extension Result where Failure == AuthorizationRejection {
    var rejection: AuthorizationRejection? {
        if case .failure(let rejection) = self { return rejection }
        return nil
    }
}
