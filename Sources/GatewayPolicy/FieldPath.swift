import GatewayCore

/// Builds the field paths errors are reported at (`token_lifetimes.access_token_seconds`,
/// `redirect_uris[1]`) and quotes values echoed in reasons. Hostile keys and values are
/// escaped and shortened so an error line stays one short line.
enum FieldPath {
    static let longestShownKey = 64
    static let longestShownValue = 40

    static func member(_ parent: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.utf8.count <= longestShownKey && key.utf8.allSatisfy(isPlainKeyByte)
        if plain { return parent.isEmpty ? key : "\(parent).\(key)" }
        return "\(parent)[\(quoted(key, limit: longestShownKey))]"
    }

    static func element(_ parent: String, _ index: Int) -> String { "\(parent)[\(index)]" }

    /// `value` as a JSON string literal, cut to `limit` characters.
    static func quoted(_ value: String, limit: Int = longestShownValue) -> String {
        let shown = value.count > limit ? String(value.prefix(limit)) + "…" : value
        var text = ""
        JSONString.append(shown, to: &text)
        return text
    }

    private static func isPlainKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
