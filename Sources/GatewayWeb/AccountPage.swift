/// The page a logged-in patron sees at `/account`: who is logged in and a logout button.
public enum AccountPage {
    /// The document.
    public static func render(username: String, library: String, csrfToken: String, language: Language, registered: Bool) -> String {
        let l = language
        let welcome: HTML = registered ? "<div class=\"notice\"><p>\(Text.registeredBody(l))</p></div>" : .empty
        let body: HTML = """
            \(welcome)
            <p>\(Text.loggedInAs(l)): <strong>\(username)</strong> (\(library))</p>
            <form method="post" action="/logout">
            \(Form.csrf(csrfToken))
            <button type="submit" class="secondary">\(Text.logoutButton(l))</button>
            </form>
            """
        return PageLayout.render(title: registered ? Text.registeredTitle(l) : Text.loggedInTitle(l), language: l, body: body,
                                 languageSwitchURL: "/account?lang=\(l == .nl ? "en" : "nl")")
    }
}
