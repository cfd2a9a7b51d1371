/// The login form: username or e-mail address, and password. One generic error for
/// every failed attempt, so the page never tells whether an account exists.
public struct LoginPage: Sendable {
    /// What was typed as identifier (echoed back).
    public let identifier: String
    /// Field errors (at most the one generic message).
    public let errors: [Form.FieldError]
    /// CSRF token of the pre-login session.
    public let csrfToken: String
    /// Page language.
    public let language: Language
    /// Where to continue after login (a local path), carried through the form.
    public let returnTo: String?

    /// A login page.
    public init(identifier: String, errors: [Form.FieldError], csrfToken: String, language: Language, returnTo: String?) {
        self.identifier = identifier
        self.errors = errors
        self.csrfToken = csrfToken
        self.language = language
        self.returnTo = returnTo
    }

    /// The whole document.
    public func render() -> String {
        let l = language
        let register = "/register?lang=\(l.rawValue)" + (returnTo.map { "&return_to=" + Form.queryEncoded($0) } ?? "")
        let carry: HTML = returnTo.map { "<input type=\"hidden\" name=\"return_to\" value=\"\($0)\">" } ?? .empty
        let body: HTML = """
            \(Form.errorSummary(errors, language: l))
            <p>\(Text.loginIntro(l))</p>
            <form method="post" action="/login?lang=\(l.rawValue)" novalidate>
            \(Form.csrf(csrfToken))\(carry)
            \(Form.input("identifier", label: Text.identifier(l), value: identifier, errors: errors, autocomplete: "username",
                         autofocus: errors.isEmpty))
            \(Form.input("password", label: Text.password(l), type: "password", errors: errors, autocomplete: "current-password"))
            <button type="submit">\(Text.loginButton(l))</button>
            </form>
            <p><a href="\(register)">\(Text.noAccount(l))</a></p>
            """
        return PageLayout.render(title: Text.loginTitle(l), language: l, body: body, languageSwitchURL: "/login?lang=\(l == .nl ? "en" : "nl")")
    }
}
