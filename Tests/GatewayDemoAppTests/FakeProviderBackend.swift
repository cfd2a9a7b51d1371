import Foundation
import GatewayCore
import GatewayCrypto
import GatewayDemoApp
import GatewayHTTP
import GatewayJOSE
import Synchronization

/// The endpoints of `FakeProvider` and what they remember: issued codes (single use,
/// bound to nonce and PKCE challenge), refresh and access tokens, every token call.
final class FakeProviderBackend: Sendable {
    struct TokenCall: Sendable {
        let fields: [String: String]
        let authorization: String?
    }

    private struct Grant: Sendable {
        let clientID: String
        let nonce: String
        let challenge: String
    }

    private struct State: Sendable {
        var issuer = ""
        var published: [JSONWebKey] = []
        var grants: [String: Grant] = [:]
        var refreshTokens: [String: String] = [:]
        var accessTokens: Set<String> = []
        var tokenCalls: [TokenCall] = []
        var counter = 0
        var nonceOverride: String?
        var rotateRefreshTokens = true
    }

    let subject = "mlid-0123456789abcdef"
    let sid = "gw-session-1"
    private let key: SigningKey
    private let keyID: String
    private let endSession: Bool
    private let state = Mutex(State())

    init(key: SigningKey, keyID: String, endSession: Bool) {
        self.key = key
        self.keyID = keyID
        self.endSession = endSession
        state.withLock { $0.published = [JSONWebKey(key: key.publicKey, keyID: keyID)] }
    }

    var issuer: String {
        get { state.withLock { $0.issuer } }
        set { state.withLock { $0.issuer = newValue } }
    }

    /// Every call to the token endpoint so far.
    var tokenCalls: [TokenCall] { state.withLock { $0.tokenCalls } }

    /// Replaces the published keys.
    func publish(_ keys: [JSONWebKey]) { state.withLock { $0.published = keys } }

    /// Makes ID tokens carry `nonce` instead of the one of the request.
    func overrideNonce(_ nonce: String?) { state.withLock { $0.nonceOverride = nonce } }

    /// Turns refresh-token rotation on or off.
    func rotateRefreshTokens(_ rotate: Bool) { state.withLock { $0.rotateRefreshTokens = rotate } }

    /// What the gateway would append to the redirect URI after a successful login for the
    /// authorization request `url`: `code`, `state` and `iss`.
    func approve(_ url: String) -> String {
        let query = Dictionary(URLDecoding.splitTarget(url).query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        let code = state.withLock { current -> String in
            current.counter += 1
            let code = "code-\(current.counter)"
            current.grants[code] = Grant(clientID: query["client_id"] ?? "", nonce: query["nonce"] ?? "",
                                         challenge: query["code_challenge"] ?? "")
            return code
        }
        return "code=\(code)&state=\(FakeProviderBackend.encode(query["state"] ?? ""))&iss=\(FakeProviderBackend.encode(issuer))"
    }

    func register(in router: inout Router) {
        router.get("/.well-known/openid-configuration") { [self] _ in .json(discovery()) }
        router.get("/jwks.json") { [self] _ in .json(JSONWebKeySet(keys: state.withLock { $0.published }).json) }
        router.post("/token") { [self] request in token(request) }
        router.get("/userinfo") { [self] request in userinfo(request) }
    }

    private func discovery() -> String {
        var members: [String: JSONValue] = [
            "issuer": .string(issuer), "authorization_endpoint": .string(issuer + "/authorize"),
            "token_endpoint": .string(issuer + "/token"), "userinfo_endpoint": .string(issuer + "/userinfo"),
            "jwks_uri": .string(issuer + "/jwks.json"),
        ]
        if endSession { members["end_session_endpoint"] = .string(issuer + "/end-session") }
        return JSONValue.object(members).serialized
    }

    private func token(_ request: HTTPRequest) -> HTTPResponse {
        let fields = Dictionary(URLDecoding.formDecode(request.body).map { ($0.name, $0.value) },
                                uniquingKeysWith: { first, _ in first })
        state.withLock { $0.tokenCalls.append(TokenCall(fields: fields, authorization: request.headers["Authorization"])) }
        switch fields["grant_type"] {
        case "authorization_code": return codeGrant(fields)
        case "refresh_token": return refreshGrant(fields)
        default: return .error(400, code: "unsupported_grant_type", description: "no such grant")
        }
    }

    private func codeGrant(_ fields: [String: String]) -> HTTPResponse {
        guard let grant = state.withLock({ $0.grants.removeValue(forKey: fields["code"] ?? "") }) else {
            return .error(400, code: "invalid_grant", description: "unknown or used code")
        }
        guard PKCE.challenge(for: fields["code_verifier"] ?? "") == grant.challenge else {
            return .error(400, code: "invalid_grant", description: "PKCE verification failed")
        }
        return tokens(clientID: grant.clientID, nonce: state.withLock { $0.nonceOverride } ?? grant.nonce)
    }

    private func refreshGrant(_ fields: [String: String]) -> HTTPResponse {
        let token = fields["refresh_token"] ?? ""
        guard let clientID = state.withLock({ $0.refreshTokens[token] }) else {
            return .error(400, code: "invalid_grant", description: "unknown refresh token")
        }
        if state.withLock({ $0.rotateRefreshTokens }) { _ = state.withLock { $0.refreshTokens.removeValue(forKey: token) } }
        return tokens(clientID: clientID, nonce: nil, sameRefreshToken: state.withLock { $0.rotateRefreshTokens } ? nil : token)
    }

    private func tokens(clientID: String, nonce: String?, sameRefreshToken: String? = nil) -> HTTPResponse {
        let now = Date().timeIntervalSince1970.rounded(.down)
        let common: [String: JSONValue] = [
            "iss": .string(issuer), "sub": .string(subject), "aud": .string(clientID), "iat": .number(now),
            "exp": .number(now + 600), "mylibrary_id": .string(subject), "library": .string("bibliotheek-noord"), "sid": .string(sid),
        ]
        var idClaims = common
        idClaims["nonce"] = nonce.map(JSONValue.string)
        var accessClaims = common
        accessClaims["client_id"] = .string(clientID)
        accessClaims["scope"] = .string("openid offline_access")
        accessClaims["jti"] = .string(UUID().uuidString)
        let refresh = state.withLock { current -> String in
            current.counter += 1
            let refresh = sameRefreshToken ?? "rt-\(current.counter)"
            current.refreshTokens[refresh] = clientID
            return refresh
        }
        guard let idToken = try? JWS.sign(payload: JSONValue.object(idClaims).serializedBytes, key: key, keyID: keyID, type: "JWT"),
              let accessToken = try? JWS.sign(payload: JSONValue.object(accessClaims).serializedBytes, key: key, keyID: keyID, type: "at+jwt")
        else { return .error(500, code: "server_error", description: "signing failed") }
        state.withLock { _ = $0.accessTokens.insert(accessToken) }
        let body: [String: JSONValue] = [
            "access_token": .string(accessToken), "token_type": .string("Bearer"), "expires_in": .number(600),
            "id_token": .string(idToken), "refresh_token": .string(refresh),
        ]
        return .json(JSONValue.object(body).serialized)
    }

    private func userinfo(_ request: HTTPRequest) -> HTTPResponse {
        let bearer = request.headers["Authorization"].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil } ?? ""
        guard state.withLock({ $0.accessTokens.contains(bearer) }) else {
            return .error(401, code: "invalid_token", description: "unknown access token")
        }
        let claims: [String: JSONValue] = [
            "sub": .string(subject), "mylibrary_id": .string(subject), "library": .string("bibliotheek-noord"),
        ]
        return .json(JSONValue.object(claims).serialized)
    }

    private static func encode(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
    }
}
