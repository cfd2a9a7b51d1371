import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewayHTTP
import GatewayOAuth
import GatewayPolicy
import GatewayWeb

extension OAuthRoutes {
    /// The consent page for `authorization`, carrying the request back in a hidden field.
    func consentPage(_ authorization: AuthorizationRequest, items: [(name: String, value: String)], session: Session,
                     language: Language) -> HTTPResponse {
        let policy = authorization.policy
        let disclosure = ConsentDisclosure(policy: policy)
        let page = ConsentPage(application: policy.displayName, supplier: policy.supplier, claims: disclosure.claims, purpose: disclosure.purpose,
                               offlineAccess: disclosure.offlineAccess, policyURI: policy.policyURI, request: OAuthResponses.query(items),
                               csrfToken: session.csrfSecret, language: language)
        return .html(page.render())
    }

    /// POST /authorize/consent: the patron's decision. The carried request is validated
    /// again; "allow" stores the consent with the fingerprint of what was shown, "deny"
    /// sends `access_denied` to the application.
    func consentDecision(_ request: HTTPRequest) -> HTTPResponse {
        let language = Self.language(request)
        return guardedPage(request) {
            guard FormPost.comesFromOurOrigin(request, issuer: issuer), let form = FormPost(request),
                  let (_, session) = try currentSession(request), ConstantTime.equal(form["csrf_token"], session.csrfSecret) else {
                return PageResponses.formExpired(language, retry: "/account")
            }
            let items = URLDecoding.formDecode(form["request"]).map { ($0.name, $0.value) }
            let parameters = OAuthParameters(items)
            let authorization: AuthorizationRequest
            do throws(AuthorizationRejection) { authorization = try checks.validate(parameters) } catch { return rejection(error, request: request) }
            guard form["decision"] == "allow" else {
                logger.info("consent_denied", ["client_id": .string(authorization.policy.clientID)])
                return redirect(OAuthError(.accessDenied, "The patron did not give consent."), authorization)
            }
            let record = ConsentRecord(clientID: authorization.policy.clientID,
                                       disclosureFingerprint: ConsentDisclosure(policy: authorization.policy).fingerprint, grantedAt: clock.now())
            try consents.record(record, for: session.mylibraryID)
            logger.info("consent_given", ["client_id": .string(authorization.policy.clientID)])
            return authorize(request, parameters: parameters, items: items, consentGiven: true)
        }
    }
}
