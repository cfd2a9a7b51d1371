/// The languages of the patron pages: Dutch by default, English on request.
public enum Language: String, Sendable, CaseIterable, Codable {
    case nl, en

    /// The language named by `ui_locales`, a `lang` parameter or `Accept-Language`
    /// (first supported tag wins), Dutch when none is supported.
    public static func preferred(_ candidates: [String?]) -> Language {
        for candidate in candidates.compactMap({ $0 }) {
            for tag in candidate.split(whereSeparator: { $0 == "," || $0 == " " }) {
                let primary = tag.split(separator: ";").first?.split(separator: "-").first?.lowercased() ?? ""
                if let language = Language(rawValue: primary) { return language }
            }
        }
        return .nl
    }
}
