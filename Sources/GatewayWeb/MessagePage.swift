/// A page that only says something (unavailable, expired membership, logged out, …),
/// optionally with one link or one button form.
public enum MessagePage {
    /// The document for `title` and `body`, with an optional link.
    public static func render(title: Text, body: Text, language: Language, link: (href: String, text: Text)? = nil,
                              extra: HTML = .empty) -> String {
        let action: HTML = link.map { "<p><a href=\"\($0.href)\">\($0.text(language))</a></p>" } ?? .empty
        return PageLayout.render(title: title(language), language: language,
                                 body: "<div class=\"notice\"><p>\(body(language))</p></div>\(extra)\(action)")
    }
}
