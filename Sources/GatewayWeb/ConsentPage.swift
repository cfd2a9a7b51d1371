/// The consent page (OIDC Core §3.1.2.4): exactly what the application will receive, why,
/// and from whom; two buttons. The authorization request travels in a hidden field and is
/// checked again when the form comes back.
public struct ConsentPage: Sendable {
    /// The application's display name.
    public let application: String
    /// The company that runs it.
    public let supplier: String
    /// Claim names it receives, in display order.
    public let claims: [String]
    /// Why it needs username and e-mail, when it receives them.
    public let purpose: String?
    /// Whether it may keep access while the patron is away.
    public let offlineAccess: Bool
    /// The supplier's privacy statement.
    public let policyURI: String?
    /// The authorization request's query string, carried back.
    public let request: String
    /// CSRF token of the SSO session.
    public let csrfToken: String
    /// Page language.
    public let language: Language

    /// A consent page.
    public init(application: String, supplier: String, claims: [String], purpose: String?, offlineAccess: Bool, policyURI: String?,
                request: String, csrfToken: String, language: Language) {
        self.application = application
        self.supplier = supplier
        self.claims = claims
        self.purpose = purpose
        self.offlineAccess = offlineAccess
        self.policyURI = policyURI
        self.request = request
        self.csrfToken = csrfToken
        self.language = language
    }

    /// The whole document.
    public func render() -> String {
        let l = language
        let items = claims.compactMap(Self.label).map { text -> HTML in "<li>\(text(l))</li>" }
        let why: HTML = purpose.map { "<h2>\(Text.consentPurpose(l))</h2><p id=\"consent-purpose\">\($0)</p>" } ?? .empty
        let offline: HTML = offlineAccess ? "<p>\(Text.consentOffline(l))</p>" : .empty
        let privacy: HTML = policyURI.map { "<p><a href=\"\($0)\" rel=\"noopener\">\(Text.consentPrivacyStatement(l))</a></p>" } ?? .empty
        let body: HTML = """
            <p><strong>\(application)</strong> \(Text.consentIntro(l))</p>
            <ul id="consent-claims">\(items)</ul>
            \(why)\(offline)
            <p>\(Text.consentSupplier(l)): \(supplier)</p>
            \(privacy)
            <form method="post" action="/authorize/consent?lang=\(l.rawValue)">
            \(Form.csrf(csrfToken))<input type="hidden" name="request" value="\(request)">
            <button type="submit" name="decision" value="allow" id="consent-allow">\(Text.consentAllow(l))</button>
            <button type="submit" name="decision" value="deny" id="consent-deny" class="secondary">\(Text.consentDeny(l))</button>
            </form>
            <p>\(Text.consentRemembered(l))</p>
            """
        return PageLayout.render(title: Text.consentTitle(l), language: l, body: body)
    }

    private static func label(_ claim: String) -> Text? {
        switch claim {
        case "library": .consentLibrary
        case "mylibrary_id": .consentMylibraryID
        case "preferred_username": .consentUsername
        case "email": .consentEmail
        default: nil
        }
    }
}
