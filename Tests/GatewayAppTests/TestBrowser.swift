import Foundation
import GatewayTesting

/// A cookie-keeping HTTP client over raw loopback connections: enough browser to walk the
/// patron pages (it sends our Origin on POST, as browsers do).
final class TestBrowser {
    let port: UInt16
    var cookies: [String: String] = [:]
    var language = "nl"

    init(port: UInt16) { self.port = port }

    var origin: String { "http://127.0.0.1:\(port)" }

    @discardableResult
    func get(_ path: String) throws -> RawHTTPResponse {
        try send("GET", path, headers: [:], body: "")
    }

    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], origin: String? = nil) throws -> RawHTTPResponse {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try send("POST", path, headers: ["Content-Type": "application/x-www-form-urlencoded", "Origin": origin ?? self.origin],
                        body: body)
    }

    /// The CSRF token in the last page's form.
    static func csrfToken(_ page: RawHTTPResponse) -> String? {
        guard let range = page.text.range(of: "name=\"csrf_token\" value=\"") else { return nil }
        return String(page.text[range.upperBound...].prefix { $0 != "\"" })
    }

    private func send(_ method: String, _ path: String, headers: [String: String], body: String) throws -> RawHTTPResponse {
        var all = headers
        if !cookies.isEmpty { all["Cookie"] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        let response = try rawRequest(port: port, method, path, headers: all, body: body)
        for (name, value) in response.headers where name == "set-cookie" {
            let pair = value.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let cookieName = String(pair[0]), cookieValue = pair.count > 1 ? String(pair[1]) : ""
            if cookieValue.isEmpty || value.contains("Max-Age=0") { cookies[cookieName] = nil } else { cookies[cookieName] = cookieValue }
        }
        return response
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
