import GatewayWeb

/// `/`: the application's name and either the "Log in with My Library" button or, once
/// logged in, what the gateway released, with refresh and logout buttons.
enum HomePage {
    /// The page for `session` (nil: a browser the app does not know yet).
    static func render(configuration: DemoAppConfiguration, session: DemoSession?) -> String {
        let body: HTML
        if let session, let login = session.login {
            body = "\(notice(session.notice))\(loggedIn(login, csrfToken: session.csrfToken))"
        } else {
            body = "\(notice(session?.notice))\(loggedOut(configuration))"
        }
        return DemoPageLayout.render(title: configuration.displayName, appName: configuration.displayName, body: body)
    }

    private static func loggedOut(_ configuration: DemoAppConfiguration) -> HTML {
        """
        <p id="login-status">You are not logged in. \(configuration.displayName) is a demo partner application: log in with \
        your My Library account to see exactly what the gateway tells it about you.</p>
        <form method="get" action="/login"><button id="login-button" type="submit">Log in with My Library</button></form>
        """
    }

    private static func loggedIn(_ login: LoginResult, csrfToken: String) -> HTML {
        let refresh: HTML = login.refreshToken == nil ? "<p id=\"no-refresh-token\">The gateway issued no refresh token.</p>" : """
            <form class="inline" method="post" action="/refresh">\(Form.csrf(csrfToken))\
            <button id="refresh-button" type="submit" class="secondary">Refresh tokens</button></form>
            """
        return """
            <p id="login-status">You are logged in with My Library.</p>
            \(ClaimsView.render(login))
            \(refresh)
            <form class="inline" method="post" action="/logout">\(Form.csrf(csrfToken))\
            <button id="logout-button" type="submit">Log out</button></form>
            """
    }

    private static func notice(_ notice: DemoNotice?) -> HTML {
        switch notice {
        case nil: return .empty
        case .refreshed(let rotated, let count)?:
            let text = rotated
                ? "Refresh \(count) succeeded: the refresh token rotated (the gateway returned a new one; the old one is now spent)."
                : "Refresh \(count) succeeded, but the refresh token did not rotate (the gateway returned the same or none)."
            return "<div class=\"notice\" id=\"notice\"><p id=\"refresh-result\" data-rotated=\"\(rotated ? "true" : "false")\">\(text)</p></div>"
        case .loggedOut(let verified)?:
            let text = verified
                ? "You have been logged out of this application and of My Library (the state returned by the gateway matched)."
                : "You have been logged out of this application. The gateway's answer did not carry the expected state."
            return "<div class=\"notice\" id=\"notice\"><p id=\"logout-result\">\(text)</p></div>"
        case .loggedOutLocally?:
            return """
                <div class="notice" id="notice"><p id="logout-result">You have been logged out of this application only: \
                the gateway offers no end_session_endpoint.</p></div>
                """
        }
    }
}
