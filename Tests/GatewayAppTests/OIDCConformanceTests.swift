import Foundation
import GatewayJOSE
import GatewayTesting
import Testing

/// An authorization request made invalid in one way, and the error it must bring back.
struct AuthorizeErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let section: String
    let error: String
    let edit: @Sendable ([(String, String)]) -> [(String, String)]

    var testDescription: String { "\(name) → \(error) (\(section))" }

    static func removing(_ names: Set<String>) -> @Sendable ([(String, String)]) -> [(String, String)] {
        { items in items.filter { !names.contains($0.0) } }
    }

    static func setting(_ name: String, _ value: String) -> @Sendable ([(String, String)]) -> [(String, String)] {
        { items in items.map { $0.0 == name ? (name, value) : $0 } }
    }

    static func adding(_ name: String, _ value: String) -> @Sendable ([(String, String)]) -> [(String, String)] {
        { items in items + [(name, value)] }
    }

    static let all: [AuthorizeErrorCase] = [
        AuthorizeErrorCase(name: "response_type missing", section: "RFC 6749 §4.1.2.1", error: "invalid_request", edit: removing(["response_type"])),
        AuthorizeErrorCase(name: "response_type=token", section: "RFC 6749 §4.1.2.1", error: "unsupported_response_type",
                           edit: setting("response_type", "token")),
        AuthorizeErrorCase(name: "PKCE missing", section: "RFC 7636 §4.4.1", error: "invalid_request",
                           edit: removing(["code_challenge", "code_challenge_method"])),
        AuthorizeErrorCase(name: "code_challenge_method=plain", section: "RFC 7636 §4.4.1, RFC 9700 §2.1.1", error: "invalid_request",
                           edit: setting("code_challenge_method", "plain")),
        AuthorizeErrorCase(name: "parameter given twice", section: "RFC 6749 §3.1", error: "invalid_request", edit: adding("response_type", "code")),
        AuthorizeErrorCase(name: "request object", section: "OIDC Core §6.1, §3.1.2.6", error: "request_not_supported",
                           edit: adding("request", "eyJhbGciOiJub25lIn0.eyJzY29wZSI6Im9wZW5pZCJ9.")),
        AuthorizeErrorCase(name: "request_uri", section: "OIDC Core §6.2, §3.1.2.6", error: "request_uri_not_supported",
                           edit: adding("request_uri", "https://app.example/request.jwt")),
        AuthorizeErrorCase(name: "scope without openid", section: "OIDC Core §3.1.2.1", error: "invalid_scope", edit: setting("scope", "profile email")),
        AuthorizeErrorCase(name: "prompt=none without a session", section: "OIDC Core §3.1.2.6", error: "login_required",
                           edit: adding("prompt", "none")),
    ]
}

/// The authorization endpoint's refusals and discovery, over real HTTP against a real
/// gateway with both demo policies.
@Suite struct OIDCConformanceTests {
    /// RFC 6749 §4.1.2.1 / §3.1.2.4: with an unknown client or an unregistered redirect URI
    /// the patron sees an error page; nothing is redirected anywhere.
    @Test(arguments: [
        ("client_id", "no-such-app"), ("redirect_uri", "http://127.0.0.1:8091/callback/evil"),
        ("redirect_uri", "http://127.0.0.1:8090/callback"), ("redirect_uri", ""),
    ])
    func unknownClientOrRedirectURIGetsA400PageWithoutRedirect(parameter: String, value: String) throws {
        let harness = try OIDCHarness()
        let items = OIDCHarness.authorization(.eBooks).map { $0.0 == parameter ? (parameter, value) : $0 }
        let page = try harness.browser.get(OIDCHarness.authorizePath(items))
        #expect(page.status == 400)
        #expect(page.header("location") == nil)
        #expect(page.header("content-type")?.hasPrefix("text/html") == true)
        #expect(!page.text.contains("8091/callback"), "the page must not link to an unvalidated redirect URI")
    }

    /// RFC 6749 §4.1.2.1 and RFC 9207 §2: every later error goes back to the registered
    /// redirect URI with `error`, `error_description`, the client's `state` and our `iss`.
    @Test(arguments: AuthorizeErrorCase.all)
    func authorizationErrorIsRedirectedWithStateAndIssuer(_ errorCase: AuthorizeErrorCase) throws {
        let harness = try OIDCHarness()
        let items = errorCase.edit(OIDCHarness.authorization(.eBooks, state: "s t/ä?&"))
        let response = try harness.browser.get(OIDCHarness.authorizePath(items))
        #expect(response.status == 303)
        let location = try #require(response.header("location"))
        #expect(location.hasPrefix(RelyingParty.eBooks.redirectURI + "?"))
        let query = OIDCHarness.query(of: location)
        #expect(Set(query.keys) == ["error", "error_description", "state", "iss"])
        #expect(query["error"] == errorCase.error)
        #expect(query["state"] == "s t/ä?&")
        #expect(query["iss"] == harness.issuer)
    }

    /// DESIGN.md (subscriptions), RFC 6749 §4.1.2.1 `access_denied`: a patron of a library
    /// that does not subscribe sees a 403 page whose link takes the application its error.
    @Test func patronOfANonSubscribingLibraryIsRefusedWithAPageAndAnAccessDeniedLink() throws {
        let harness = try OIDCHarness()
        try harness.registerMember(library: "bibliotheek-oost", card: "20003000000002", pin: "9012")
        let page = try harness.browser.get(OIDCHarness.authorizePath(OIDCHarness.authorization(.eBooks)))
        #expect(page.status == 403)
        #expect(page.header("location") == nil)
        let start = try #require(page.text.range(of: "href=\"\(RelyingParty.eBooks.redirectURI)?"))
        let link = String(page.text[page.text.index(start.lowerBound, offsetBy: 6)...].prefix { $0 != "\"" })
            .replacingOccurrences(of: "&amp;", with: "&")
        let query = OIDCHarness.query(of: link)
        #expect(Set(query.keys) == ["error", "error_description", "state", "iss"])
        #expect(query["error"] == "access_denied" && query["state"] == "af0ifjsldkj" && query["iss"] == harness.issuer)
        let tipper = try harness.browser.get(OIDCHarness.authorizePath(OIDCHarness.authorization(.readingTipper)))
        #expect(tipper.status == 200, "reading-tipper subscribes every library: its consent page")
    }

    /// OIDC Discovery 1.0 §3, RFC 8414 §2: the metadata names exactly the endpoints served,
    /// under our issuer, and each of them answers (none is a 404).
    @Test func discoveryListsExactlyTheServedEndpoints() throws {
        let harness = try OIDCHarness()
        let response = try rawRequest(port: harness.gateway.port, "GET", "/.well-known/openid-configuration")
        #expect(response.status == 200)
        let metadata = json(response)
        let issuer = harness.issuer
        #expect(metadata["issuer"] as? String == issuer)
        let endpoints = metadata.filter { $0.key.hasSuffix("_endpoint") || $0.key == "jwks_uri" }.mapValues { $0 as? String }
        #expect(endpoints == [
            "authorization_endpoint": issuer + "/authorize", "token_endpoint": issuer + "/token", "userinfo_endpoint": issuer + "/userinfo",
            "introspection_endpoint": issuer + "/introspect", "revocation_endpoint": issuer + "/revoke",
            "end_session_endpoint": issuer + "/end-session", "jwks_uri": issuer + "/jwks.json",
        ])
        for (method, path, status) in [("GET", "/authorize", 400), ("POST", "/token", 400), ("GET", "/userinfo", 401),
                                       ("POST", "/introspect", 401), ("POST", "/revoke", 401), ("GET", "/end-session", 200),
                                       ("GET", "/jwks.json", 200)] {
            let answer = try rawRequest(port: harness.gateway.port, method, path,
                                        headers: method == "POST" ? ["Content-Type": "application/x-www-form-urlencoded"] : [:])
            #expect(answer.status == status, "\(method) \(path)")
        }
        #expect(metadata["response_types_supported"] as? [String] == ["code"])
        #expect(metadata["response_modes_supported"] as? [String] == ["query"])
        #expect(metadata["grant_types_supported"] as? [String] == ["authorization_code", "refresh_token"])
        #expect(metadata["code_challenge_methods_supported"] as? [String] == ["S256"])
        #expect(metadata["authorization_response_iss_parameter_supported"] as? Bool == true)
        #expect(metadata["request_parameter_supported"] as? Bool == false && metadata["request_uri_parameter_supported"] as? Bool == false)
        #expect(metadata["registration_endpoint"] == nil && metadata["device_authorization_endpoint"] == nil)
    }
}
