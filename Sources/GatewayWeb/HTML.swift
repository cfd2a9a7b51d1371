/// HTML that is safe by construction: every `String` interpolated into an `HTML` literal
/// is escaped; only other `HTML` values are inserted as markup. There is no public way to
/// turn an arbitrary string into markup.
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// The markup.
    public private(set) var markup: String

    init(markup: String) { self.markup = markup }

    /// An empty fragment.
    public static let empty = HTML(markup: "")

    /// Literal markup written in our own source code.
    public init(stringLiteral value: String) { markup = value }

    /// Builds a fragment from a literal with interpolations.
    public init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }

    /// The markup.
    public var description: String { markup }

    /// Several fragments one after another.
    public static func join(_ parts: [HTML], separator: HTML = .empty) -> HTML {
        HTML(markup: parts.map(\.markup).joined(separator: separator.markup))
    }

    /// Escaping interpolation.
    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""

        /// Reserves space.
        public init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }

        /// Literal markup from our source.
        public mutating func appendLiteral(_ literal: String) { markup += literal }

        /// Text: escaped for element content and quoted attribute values alike.
        public mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }

        /// A number.
        public mutating func appendInterpolation(_ number: Int) { markup += String(number) }

        /// Trusted markup (another `HTML` value).
        public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }

        /// Several fragments.
        public mutating func appendInterpolation(_ parts: [HTML]) { markup += parts.map(\.markup).joined() }
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` (OWASP XSS prevention rule #1 and #2).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
