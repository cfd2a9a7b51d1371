import Foundation
import GatewayCore
import GatewayHTTP

/// A POSTed HTML form: decoded fields, and whether it really came from our own pages
/// (`Origin`, or else `Referer`, must be the issuer's origin when the browser sends one).
struct FormPost {
    let fields: [String: String]

    /// Nil when the body is not `application/x-www-form-urlencoded`.
    init?(_ request: HTTPRequest) {
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else { return nil }
        var fields: [String: String] = [:]
        for item in URLDecoding.formDecode(request.body) where fields[item.name] == nil {
            fields[item.name] = item.value
        }
        self.fields = fields
    }

    subscript(name: String) -> String { fields[name] ?? "" }

    /// OWASP CSRF defence in depth: same-origin check on top of the synchroniser token.
    static func comesFromOurOrigin(_ request: HTTPRequest, issuer: String) -> Bool {
        let expected = origin(of: issuer)
        if let origin = request.headers["Origin"], origin != "null" { return origin == expected }
        if let referer = request.headers["Referer"] { return origin(of: referer) == expected }
        return true
    }

    private static func origin(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return String(url[..<schemeEnd.upperBound]) + host
    }
}
