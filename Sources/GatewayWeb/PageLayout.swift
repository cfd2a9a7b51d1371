/// The frame of every patron page: language, title, the stylesheet (served by the
/// gateway itself: no external assets), a skip link and one `main` landmark.
public enum PageLayout {
    /// A complete HTML document.
    public static func render(title: String, language: Language, body: HTML, languageSwitchURL: String? = nil) -> String {
        let switchLink: HTML = languageSwitchURL.map {
            "<a class=\"language\" href=\"\($0)\" hreflang=\"\(language == .nl ? "en" : "nl")\">\(Text.languageSwitch(language))</a>"
        } ?? .empty
        return document(language: language.rawValue, title: "\(title) – \(Text.siteName(language))", stylesheet: "/static/gateway.css",
                        skipLabel: Text.skipToContent(language), header: "<span class=\"brand\">\(Text.siteName(language))</span>\(switchLink)",
                        heading: title, body: body)
    }

    /// The document skeleton shared with other sites built on these pages (the demo partner
    /// application): `lang`, title, one stylesheet, a skip link, a header and one `main`.
    public static func document(language: String, title: String, stylesheet: String, skipLabel: String, header: HTML, heading: String,
                                body: HTML) -> String {
        let page: HTML = """
            <!DOCTYPE html>
            <html lang="\(language)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <link rel="stylesheet" href="\(stylesheet)">
            </head>
            <body>
            <a class="skip" href="#main">\(skipLabel)</a>
            <header>\(header)</header>
            <main id="main">
            <h1>\(heading)</h1>
            \(body)
            </main>
            </body>
            </html>
            """
        return page.markup
    }
}
