import GatewayCore
import GatewayWeb

/// The claims a login produced, as tables a person (and a browser test) can read: one
/// table per source, one row per claim (`data-claim` holds the claim name), and a line
/// naming the contact claims that did not arrive.
enum ClaimsView {
    /// Contact claims and how the page names them (released only with a functional-communication need).
    static let contactClaims = [("preferred_username", "username"), ("email", "e-mail")]

    /// The whole claims section.
    static func render(_ login: LoginResult) -> HTML {
        """
        <p class="verified" id="verification">The ID token's signature (checked with the gateway's JWKS), iss, aud, exp and nonce were verified.</p>
        <p id="contact-claims">\(contactLine(login))</p>
        <section id="claims">
        <h2>ID token claims</h2>
        \(table(login.idTokenClaims, id: "id-token-claims"))
        <h2>Userinfo response</h2>
        \(login.userinfo.map { table($0, id: "userinfo-claims") } ?? problem(login.userinfoProblem, id: "userinfo-problem"))
        <h2>Access token claims</h2>
        \(login.accessTokenClaims.map { table($0, id: "access-token-claims") } ?? problem(login.accessTokenProblem, id: "access-token-problem"))
        </section>
        """
    }

    /// `username and e-mail: not received`, or which of them arrived.
    static func contactLine(_ login: LoginResult) -> String {
        let sources = [login.idTokenClaims, login.userinfo ?? [:], login.accessTokenClaims ?? [:]]
        let missing = contactClaims.filter { claim, _ in sources.allSatisfy { $0[claim] == nil } }.map(\.1)
        if missing.isEmpty { return "username and e-mail: received (this application's policy declares a functional-communication need)" }
        return missing.joined(separator: " and ") + ": not received"
    }

    private static func table(_ claims: [String: JSONValue], id: String) -> HTML {
        let rows = claims.sorted { $0.key < $1.key }.map { name, value -> HTML in
            "<tr data-claim=\"\(name)\"><th scope=\"row\">\(name)</th><td>\(text(value, claim: name))</td></tr>"
        }
        return "<table id=\"\(id)\"><thead><tr><th scope=\"col\">claim</th><th scope=\"col\">value</th></tr></thead><tbody>\(rows)</tbody></table>"
    }

    private static func problem(_ reason: String?, id: String) -> HTML {
        "<p class=\"problem\" id=\"\(id)\">\(reason ?? "not available")</p>"
    }

    /// A claim value as text; times get their UTC reading.
    static func text(_ value: JSONValue, claim: String) -> String {
        switch value {
        case .string(let text): return text
        case .number(let seconds) where ["exp", "iat", "nbf", "auth_time"].contains(claim):
            return JSONValue.number(seconds).serialized + " (" + Instant(secondsSinceEpoch: seconds).iso8601Milliseconds + ")"
        default: return value.serialized
        }
    }
}
