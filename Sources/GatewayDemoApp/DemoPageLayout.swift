import GatewayWeb

/// The frame of the demo application's pages: its own name in the header (it is a partner
/// application, not the gateway), one stylesheet served by itself, one `main` landmark.
enum DemoPageLayout {
    /// The stylesheet at `/static/demo.css`: the gateway's, plus tables and a demo banner.
    static let css = Stylesheet.css + """

        main{max-width:52rem}
        header{background:#4a2a6d}
        table{border-collapse:collapse;width:100%;margin:0 0 1.5rem;background:#fff;font-size:.95rem}
        th,td{border:1px solid #b1b4b6;padding:.35rem .55rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        th{width:30%}
        form.inline{display:inline-block;margin:0 .75rem 1rem 0}
        .verified{border-left:5px solid #00703c;background:#fff;padding:.6rem 1rem}
        .problem{border-left:5px solid #b10e1e;background:#fff;padding:.6rem 1rem}
        """

    /// A complete HTML document.
    static func render(title: String, appName: String, body: HTML) -> String {
        PageLayout.document(language: "en", title: title == appName ? appName : title + " – " + appName, stylesheet: "/static/demo.css",
                            skipLabel: "Skip to content",
                            header: "<span class=\"brand\">\(appName)</span><span>demo partner application</span>", heading: title,
                            body: body)
    }
}
