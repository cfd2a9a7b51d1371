/// Asks before logging out when the request did not prove it came from the patron's own
/// application (no or a non-matching `id_token_hint`; RP-Initiated Logout 1.0 §2).
public enum LogoutConfirmPage {
    /// The document; `fields` are carried back as hidden inputs.
    public static func render(fields: [(name: String, value: String)], csrfToken: String, language: Language, problem: Bool) -> String {
        let l = language
        let hidden = fields.map { field -> HTML in "<input type=\"hidden\" name=\"\(field.name)\" value=\"\(field.value)\">" }
        let notice: HTML = problem ? "<div class=\"notice\"><p>\(Text.logoutProblemBody(l))</p></div>" : .empty
        let body: HTML = """
            \(notice)
            <p>\(Text.logoutConfirmBody(l))</p>
            <form method="post" action="/end-session/confirm?lang=\(l.rawValue)">
            \(Form.csrf(csrfToken))\(hidden)
            <button type="submit" id="logout-confirm">\(Text.logoutButton(l))</button>
            </form>
            <p><a href="/account?lang=\(l.rawValue)">\(Text.logoutCancel(l))</a></p>
            """
        return PageLayout.render(title: Text.logoutConfirmTitle(l), language: l, body: body)
    }
}
