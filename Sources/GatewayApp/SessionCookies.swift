import GatewayAccounts
import GatewayHTTP

/// The two cookies of the patron pages: the SSO session and the pre-login session that
/// binds CSRF tokens before login. `__Host-` prefixed, `Secure`, `HttpOnly`,
/// `SameSite=Lax`, `Path=/` when the issuer is https; without the prefix and `Secure` on
/// a plain-http development issuer (browsers refuse `__Host-` cookies there).
struct SessionCookies: Sendable {
    let secure: Bool

    var sessionName: String { secure ? "__Host-gw_session" : "gw_session" }
    var preLoginName: String { secure ? "__Host-gw_pre" : "gw_pre" }

    func session(in request: HTTPRequest) -> SessionID? { request.cookies[sessionName].flatMap(SessionID.init(cookieValue:)) }
    func preLogin(in request: HTTPRequest) -> SessionID? { request.cookies[preLoginName].flatMap(SessionID.init(cookieValue:)) }

    func set(_ name: String, _ id: SessionID, on response: inout HTTPResponse) {
        response.headers.add("Set-Cookie", "\(name)=\(id.cookieValue); Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""))
    }

    func clear(_ name: String, on response: inout HTTPResponse) {
        response.headers.add("Set-Cookie", "\(name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : ""))
    }
}
