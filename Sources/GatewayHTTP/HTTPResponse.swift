import GatewayCore

/// One HTTP response: status, header fields and a complete body.
public struct HTTPResponse: Sendable {
    /// Status code, e.g. 200.
    public var status: Int
    /// Response header fields (Content-Length and Date are added by the server).
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// A response with the given parts.
    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A `text/plain; charset=utf-8` response.
    public static func text(_ text: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// An `application/json` response from already-serialised JSON.
    public static func json(_ json: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "application/json"], body: Array(json.utf8))
    }

    /// A `text/html; charset=utf-8` response (gets the strict CSP from `SecurityHeaders`).
    public static func html(_ html: String, status: Int = 200) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: Array(html.utf8))
    }

    /// The small JSON error body every non-protocol error uses: `{"error":"…","error_description":"…"}`.
    public static func error(_ status: Int, code: String, description: String) -> HTTPResponse {
        var text = "{\"error\":"
        JSONString.append(code, to: &text)
        text += ",\"error_description\":"
        JSONString.append(description, to: &text)
        return .json(text + "}", status: status)
    }

    /// True when the Content-Type is HTML.
    public var isHTML: Bool { headers["Content-Type"]?.lowercased().hasPrefix("text/html") ?? false }
}
