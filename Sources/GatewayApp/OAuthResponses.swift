import GatewayCore
import GatewayHTTP
import GatewayOAuth

/// Renders the OAuth endpoints' answers in one place: JSON, `Cache-Control: no-store` and
/// `Pragma: no-cache` (RFC 6749 §5.1), errors as RFC 6749 §5.2 with the status and the
/// challenge header each error code calls for.
enum OAuthResponses {
    /// A JSON object, 200 unless told otherwise.
    static func json(_ members: [String: JSONValue], status: Int = 200) -> HTTPResponse {
        json(JSONValue.object(members).serialized, status: status)
    }

    /// JSON text.
    static func json(_ text: String, status: Int = 200) -> HTTPResponse {
        var response = HTTPResponse.json(text, status: status)
        response.headers.set("Cache-Control", "no-store")
        response.headers.set("Pragma", "no-cache")
        return response
    }

    /// `{"error": …, "error_description": …}` with its status and challenge; the detail is logged.
    static func error(_ error: OAuthError, logger: Logger, endpoint: String) -> HTTPResponse {
        logger.info("oauth_error", ["endpoint": .string(endpoint), "error": .string(error.code.rawValue),
                                    "detail": .string(error.detail ?? error.clientDescription)])
        var response = json(["error": .string(error.code.rawValue), "error_description": .string(error.clientDescription)],
                            status: error.status)
        if let challenge = error.challenge { response.headers.set("WWW-Authenticate", challenge) }
        if error.code == .temporarilyUnavailable { response.headers.set("Retry-After", "5") }
        return response
    }

    /// The parameters of an OAuth request: the query of a GET, the form body of a POST
    /// (which must be `application/x-www-form-urlencoded`, RFC 6749 §3.2).
    static func parameters(_ request: HTTPRequest) throws(OAuthError) -> OAuthParameters {
        guard request.method == "POST" else { return OAuthParameters(request.queryItems.map { ($0.name, $0.value) }) }
        let type = request.headers["Content-Type"]?.lowercased() ?? ""
        guard type.hasPrefix("application/x-www-form-urlencoded") else {
            throw OAuthError(.invalidRequest, "The body must be application/x-www-form-urlencoded.")
        }
        let items = URLDecoding.formDecode(request.body)
        return OAuthParameters(items.map { ($0.name, $0.value) })
    }

    /// The query string of `items`, percent-encoded again (to carry a request through a page).
    static func query(_ items: [(name: String, value: String)]) -> String {
        items.map { "\(RedirectURI.encode($0.name))=\(RedirectURI.encode($0.value))" }.joined(separator: "&")
    }
}
