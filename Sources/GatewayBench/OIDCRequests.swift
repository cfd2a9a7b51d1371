import Foundation
import GatewayCore
import GatewayCrypto
import GatewayJOSE

/// Byte-exact HTTP/1.1 requests for the OpenID Connect endpoints, as a browser or a
/// relying party sends them, and the few answer fields the load generators read.
struct OIDCRequests: Sendable {
    /// `Host` header value, `127.0.0.1:PORT`.
    let host: String

    /// `GET /authorize` with the SSO cookie: with consent given, answered by a redirect with a code.
    func authorize(_ client: BenchClient, scope: String, state: String, challenge: String, session: String) -> [UInt8] {
        let query = Self.form([("response_type", "code"), ("client_id", client.clientID), ("redirect_uri", client.redirectURI),
                               ("scope", scope), ("state", state), ("code_challenge", challenge), ("code_challenge_method", "S256")])
        return request("GET", "/authorize?" + query, headers: ["Cookie: gw_session=\(session)"])
    }

    /// `POST /token` exchanging `code` (RFC 6749 §4.1.3, PKCE verifier).
    func exchange(_ client: BenchClient, code: String, verifier: String) -> [UInt8] {
        tokenRequest("/token", client, [("grant_type", "authorization_code"), ("code", code), ("redirect_uri", client.redirectURI),
                                        ("code_verifier", verifier)])
    }

    /// `POST /token` with a refresh token (RFC 6749 §6).
    func refresh(_ client: BenchClient, refreshToken: String) -> [UInt8] {
        tokenRequest("/token", client, [("grant_type", "refresh_token"), ("refresh_token", refreshToken)])
    }

    /// `POST /introspect` (RFC 7662 §2.1).
    func introspect(_ client: BenchClient, token: String) -> [UInt8] {
        tokenRequest("/introspect", client, [("token", token)])
    }

    /// `GET /userinfo` with the access token as a Bearer token (RFC 6750 §2.1).
    func userinfo(accessToken: String) -> [UInt8] {
        request("GET", "/userinfo", headers: ["Authorization: Bearer \(accessToken)"])
    }

    private func tokenRequest(_ path: String, _ client: BenchClient, _ fields: [(String, String)]) -> [UInt8] {
        var fields = fields
        var headers = ["Content-Type: application/x-www-form-urlencoded"]
        if let basic = client.basicHeader { headers.append("Authorization: \(basic)") } else { fields.append(("client_id", client.clientID)) }
        return request("POST", path, headers: headers, body: Self.form(fields))
    }

    private func request(_ method: String, _ target: String, headers: [String], body: String = "") -> [UInt8] {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\n"
        for header in headers { text += header + "\r\n" }
        if method == "POST" { text += "Content-Length: \(body.utf8.count)\r\n" }
        return Array((text + "\r\n" + body).utf8)
    }

    /// `application/x-www-form-urlencoded` of `fields`.
    static func form(_ fields: [(String, String)]) -> String {
        fields.map { formEncoded($0.0) + "=" + formEncoded($0.1) }.joined(separator: "&")
    }

    /// Percent-encodes everything but unreserved characters (RFC 3986 §2.3).
    static func formEncoded(_ text: String) -> String {
        if text.utf8.allSatisfy(isUnreserved) { return text }
        var out = ""
        for byte in text.utf8 {
            if isUnreserved(byte) { out.unicodeScalars.append(Unicode.Scalar(byte)) } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// A PKCE pair (RFC 7636): a 43-character verifier and its S256 challenge.
    static func pkce(random: some RandomSource) -> (verifier: String, challenge: String) {
        let verifier = Base64URL.encode(random.bytes(32))
        return (verifier, Base64URL.encode(SHA256.digest(verifier)))
    }

    /// The string value of `"name":"…"` in a JSON body (token values contain no escapes).
    static func jsonString(_ name: String, in body: [UInt8]) -> String? {
        let key = Array("\"\(name)\":\"".utf8)
        guard let at = Bytes.find(key, in: body) else { return nil }
        let start = at + key.count
        var end = start
        while end < body.count, body[end] != UInt8(ascii: "\"") { end += 1 }
        return end > start ? String(decoding: body[start..<end], as: UTF8.self) : nil
    }

    /// The `code` of a redirect `Location`, if its `state` is `state`.
    static func code(in location: String?, state: String) -> String? {
        guard let location, let query = location.split(separator: "?", maxSplits: 1).last else { return nil }
        var values: [Substring: Substring] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { values[parts[0]] = parts[1] }
        }
        guard values["state"].map(String.init) == state, let code = values["code"] else { return nil }
        return String(code)
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
