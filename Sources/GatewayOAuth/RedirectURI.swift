import GatewayCore

/// Builds the redirect back to a client: its registered URI with response parameters added
/// to the query (RFC 6749 §4.1.2, keeping any query the URI already has), percent-encoded.
public enum RedirectURI {
    /// `base` with `parameters` appended in order; nil values are left out.
    public static func build(_ base: String, _ parameters: [(String, String?)]) -> String {
        let query = parameters.compactMap { name, value in value.map { "\(name)=\(encode($0))" } }.joined(separator: "&")
        guard !query.isEmpty else { return base }
        return base + (base.contains("?") ? "&" : "?") + query
    }

    /// The authorization error response (RFC 6749 §4.1.2.1) with `iss` (RFC 9207).
    public static func error(_ error: OAuthError, redirectURI: String, state: String?, issuer: String) -> String {
        build(redirectURI, [("error", error.code.rawValue), ("error_description", error.clientDescription), ("state", state), ("iss", issuer)])
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    public static func encode(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(byte))
            default:
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0x0F, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
