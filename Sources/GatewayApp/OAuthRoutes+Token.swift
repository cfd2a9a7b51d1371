import GatewayCore
import GatewayHTTP
import GatewayOAuth

extension OAuthRoutes {
    /// POST /token (RFC 6749 §3.2, §5).
    func token(_ request: HTTPRequest) -> HTTPResponse {
        endpoint("token") { () throws(OAuthError) -> HTTPResponse in
            let response = try tokenEndpoint.handle(authorization: request.headers["Authorization"], parameters: try OAuthResponses.parameters(request))
            return OAuthResponses.json(response.json)
        }
    }

    /// POST /introspect (RFC 7662 §2).
    func introspect(_ request: HTTPRequest) -> HTTPResponse {
        endpoint("introspect") { () throws(OAuthError) -> HTTPResponse in
            OAuthResponses.json(try introspection.handle(authorization: request.headers["Authorization"],
                                                         parameters: try OAuthResponses.parameters(request)))
        }
    }

    /// POST /revoke (RFC 7009 §2): 200 with an empty body for every token it accepts.
    func revoke(_ request: HTTPRequest) -> HTTPResponse {
        endpoint("revoke") { () throws(OAuthError) -> HTTPResponse in
            try revocation.handle(authorization: request.headers["Authorization"], parameters: try OAuthResponses.parameters(request))
            return OAuthResponses.json("{}")
        }
    }

    /// GET/POST /userinfo (OIDC Core §5.3, RFC 6750 §2).
    func userinfoResponse(_ request: HTTPRequest) -> HTTPResponse {
        endpoint("userinfo") { () throws(OAuthError) -> HTTPResponse in
            var formToken: String?
            if request.method == "POST", !request.body.isEmpty { formToken = try OAuthResponses.parameters(request).single("access_token") }
            let token = try Userinfo.bearerToken(authorization: request.headers["Authorization"], formToken: formToken)
            return OAuthResponses.json(try userinfo.handle(token: token))
        }
    }

    /// Runs an endpoint body, rendering its OAuth errors (and anything unexpected as `server_error`).
    private func endpoint(_ name: String, _ body: () throws(OAuthError) -> HTTPResponse) -> HTTPResponse {
        do { return try body() } catch { return OAuthResponses.error(error, logger: logger, endpoint: name) }
    }
}
