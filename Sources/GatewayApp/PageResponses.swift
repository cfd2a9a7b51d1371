import GatewayHTTP
import GatewayWeb

/// Small helpers shared by the patron page handlers.
enum PageResponses {
    /// The page language: `lang` parameter, then `Accept-Language`, else Dutch.
    static func language(_ request: HTTPRequest) -> Language {
        Language.preferred([request.queryValues("lang").first, request.headers["Accept-Language"]])
    }

    /// 503 with Retry-After and a page saying nothing changed.
    static func unavailable(_ language: Language, body: Text = .unavailableBody, retryAfter: Int = 30) -> HTTPResponse {
        var response = HTTPResponse.html(MessagePage.render(title: .unavailableTitle, body: body, language: language), status: 503)
        response.headers.set("Retry-After", String(retryAfter))
        return response
    }

    /// 403 for a form without a valid CSRF token or from another origin.
    static func formExpired(_ language: Language, retry: String) -> HTTPResponse {
        .html(MessagePage.render(title: .formExpiredTitle, body: .formExpiredBody, language: language, link: (retry, .tryAgain)), status: 403)
    }

    /// 303 See Other to a local path.
    static func redirect(_ location: String) -> HTTPResponse {
        HTTPResponse(status: 303, headers: ["Location": location])
    }

    /// A local path to continue to after login, or nil when `candidate` is not one (no open redirects).
    static func localPath(_ candidate: String?) -> String? {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\"),
              candidate.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return nil }
        return candidate
    }
}
