/// The registration form (DESIGN.md: choose library, prove membership, choose username,
/// e-mail, password, marketing preference, language). Values are echoed back after an
/// error, except secrets.
public struct RegistrationPage: Sendable {
    /// What the form shows.
    public struct Values: Sendable, Equatable {
        public var library = ""
        public var cardNumber = ""
        public var username = ""
        public var email = ""
        public var marketing = false
        public var language: Language = .nl
        /// Where to continue after registering (a local path, e.g. an authorization request).
        public var returnTo: String?

        /// Empty values.
        public init() {}
    }

    /// Libraries to choose from (id, name).
    public let libraries: [(id: String, name: String)]
    /// Echoed values.
    public let values: Values
    /// Field errors.
    public let errors: [Form.FieldError]
    /// The CSRF token of the pre-login session.
    public let csrfToken: String
    /// Page language.
    public let language: Language

    /// A registration page.
    public init(libraries: [(id: String, name: String)], values: Values, errors: [Form.FieldError], csrfToken: String, language: Language) {
        self.libraries = libraries
        self.values = values
        self.errors = errors
        self.csrfToken = csrfToken
        self.language = language
    }

    /// The whole document.
    public func render() -> String {
        let l = language
        let carry: HTML = values.returnTo.map { "<input type=\"hidden\" name=\"return_to\" value=\"\($0)\">" } ?? .empty
        let login = "/login?lang=\(l.rawValue)" + (values.returnTo.map { "&return_to=" + Form.queryEncoded($0) } ?? "")
        let body: HTML = """
            \(Form.errorSummary(errors, language: l))
            <p>\(Text.registerIntro(l))</p>
            <form method="post" action="/register?lang=\(l.rawValue)" novalidate>
            \(Form.csrf(csrfToken))\(carry)
            \(Form.select("library", label: Text.library(l), options: libraries.map { ($0.id, $0.name) }, selected: values.library,
                          placeholder: Text.chooseLibrary(l), errors: errors))
            \(Form.input("card_number", label: Text.cardNumber(l), value: values.cardNumber, errors: errors, autocomplete: "off"))
            \(Form.input("card_secret", label: Text.cardSecret(l), type: "password", hint: Text.cardSecretHint(l), errors: errors, autocomplete: "off"))
            \(Form.input("username", label: Text.username(l), value: values.username, hint: Text.usernameHint(l), errors: errors, autocomplete: "username"))
            \(Form.input("email", label: Text.email(l), type: "email", value: values.email, errors: errors, autocomplete: "email"))
            \(Form.input("password", label: Text.password(l), type: "password", hint: Text.passwordHint(l), errors: errors, autocomplete: "new-password"))
            \(Form.input("password_again", label: Text.passwordAgain(l), type: "password", errors: errors, autocomplete: "new-password"))
            \(Form.checkbox("marketing", label: Text.marketing(l), hint: Text.marketingHint(l), checked: values.marketing))
            \(Form.select("language", label: Text.language(l), options: [("nl", "Nederlands"), ("en", "English")],
                          selected: values.language.rawValue, placeholder: nil, errors: errors))
            <button type="submit">\(Text.registerButton(l))</button>
            </form>
            <p><a href="\(login)">\(Text.haveAccount(l))</a></p>
            """
        return PageLayout.render(title: Text.registerTitle(l), language: l, body: body,
                                 languageSwitchURL: "/register?lang=\(l == .nl ? "en" : "nl")")
    }
}
