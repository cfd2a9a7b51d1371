/// The frame of every patron page: language, title, the stylesheet (served by the
/// gateway itself: no external assets), a skip link and one `main` landmark.
public enum PageLayout {
    /// A complete HTML document.
    public static func render(title: String, language: Language, body: HTML, languageSwitchURL: String? = nil) -> String {
        let switchLink: HTML = languageSwitchURL.map {
            "<a class=\"language\" href=\"\($0)\" hreflang=\"\(language == .nl ? "en" : "nl")\">\(Text.languageSwitch(language))</a>"
        } ?? .empty
        let page: HTML = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) – \(Text.siteName(language))</title>
            <link rel="stylesheet" href="/static/gateway.css">
            </head>
            <body>
            <a class="skip" href="#main">\(Text.skipToContent(language))</a>
            <header><span class="brand">\(Text.siteName(language))</span>\(switchLink)</header>
            <main id="main">
            <h1>\(title)</h1>
            \(body)
            </main>
            </body>
            </html>
            """
        return page.markup
    }
}
