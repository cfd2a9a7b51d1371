import GatewayWeb

/// The demo application's pages other than the home page.
enum DemoPages {
    /// A failure page: what went wrong, and a way back.
    static func failure(title: String, message: String, appName: String) -> String {
        let body: HTML = """
            <div class="problem" id="error" role="alert"><p id="error-message">\(message)</p></div>
            <p><a id="home-link" href="/">Back to \(appName)</a></p>
            """
        return DemoPageLayout.render(title: title, appName: appName, body: body)
    }
}
