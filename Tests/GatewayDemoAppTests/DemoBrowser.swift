import Foundation
import GatewayDemoApp
import GatewayHTTP

/// A browser for the demo app's request pipeline: keeps the cookies it is given, sends
/// them back, and reads pages. Requests go straight to the pipeline (no socket); the
/// app's own calls to the provider go over real sockets.
final class DemoBrowser {
    let app: DemoApp
    private(set) var cookies: [String: String] = [:]

    init(app: DemoApp) { self.app = app }

    /// GETs `target` (path and query).
    @discardableResult
    func get(_ target: String) async -> HTTPResponse { await send("GET", target) }

    /// POSTs `fields` form-encoded to `path`.
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)], headers: [String: String] = [:]) async -> HTTPResponse {
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var all = headers
        all["Content-Type"] = "application/x-www-form-urlencoded"
        return await send("POST", path, headers: all, body: Array(body.utf8))
    }

    /// Sends one request and takes the cookies of the response. The pipeline runs on a
    /// thread of its own, as on the real server: the app waits there for the verifier's
    /// async work, which must not compete with blocked test tasks for the concurrency pool.
    func send(_ method: String, _ target: String, headers: [String: String] = [:], body: [UInt8] = []) async -> HTTPResponse {
        let (path, query) = URLDecoding.splitTarget(target)
        var fields = HTTPHeaders()
        fields.add("Host", "127.0.0.1")
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { fields.add(name, value) }
        if !cookies.isEmpty { fields.add("Cookie", cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")) }
        let request = HTTPRequest(method: method, path: path, queryItems: query, headers: fields, body: body)
        let responder = app.responder
        let response = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: responder.respond(to: request)) }.start()
        }
        for cookie in response.headers.values("Set-Cookie") {
            let pair = cookie.split(separator: ";")[0].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(pair[0]), value = pair.count > 1 ? String(pair[1]) : ""
            if cookie.contains("Max-Age=0") { cookies[name] = nil } else { cookies[name] = value }
        }
        return response
    }

    /// The hidden CSRF token of the first form on `page`.
    static func csrfToken(_ page: HTTPResponse) -> String? {
        let text = page.text
        guard let marker = text.range(of: "name=\"csrf_token\" value=\"") else { return nil }
        return String(text[marker.upperBound...].prefix { $0 != "\"" })
    }

    /// The decoded query of a URL (first value of each name).
    static func query(of url: String) -> [String: String] {
        Dictionary(URLDecoding.splitTarget(url).query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    private static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
    }
}

extension HTTPResponse {
    /// The body as UTF-8 text.
    var text: String { String(decoding: body, as: UTF8.self) }
}
