/// Why a demo flow (login, callback, refresh, logout) could not complete. Each case has
/// a sentence for the page and never carries a token or secret. Logs get only `kind`:
/// descriptions may quote text the gateway (or a forged redirect) sent.
public enum DemoFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The discovery document could not be fetched or is unusable.
    case discovery(String)
    /// A call to the gateway failed in transport (the reason names the call, not the URL).
    case gatewayUnavailable(String)
    /// The callback arrived but this browser has no login in progress (or it was used).
    case noLoginInProgress
    /// The started login is older than the login timeout.
    case loginExpired
    /// A callback parameter appears more than once.
    case duplicateParameter(String)
    /// `state` does not match the login this browser started (RFC 6749 §10.12).
    case stateMismatch
    /// The authorization response has no `iss` (RFC 9207 §2.4).
    case issuerMissing
    /// The authorization response's `iss` is not our issuer (RFC 9207 §2.4).
    case issuerMismatch
    /// The gateway answered the authorization request with an error (RFC 6749 §4.1.2.1).
    case authorizationError(code: String, description: String?)
    /// The authorization response has neither `code` nor `error`.
    case missingCode
    /// The token endpoint refused the request (RFC 6749 §5.2).
    case tokenError(status: Int, code: String, description: String?)
    /// The token endpoint's answer is not a usable token response.
    case invalidTokenResponse(String)
    /// The ID token failed verification (signature, iss, aud, exp, nonce, …).
    case idTokenRejected(String)
    /// The userinfo response's `sub` is not the ID token's (OIDC Core §5.3.4).
    case userinfoSubjectMismatch
    /// A POST form without the session's CSRF token, or from another origin.
    case forgedForm
    /// An action that needs a logged-in demo session.
    case notLoggedIn
    /// The session has no refresh token (the gateway issued none).
    case noRefreshToken

    /// A sentence saying what went wrong.
    public var description: String {
        switch self {
        case .discovery(let reason): "Discovery failed: \(reason). Is the gateway running? Try again in a moment."
        case .gatewayUnavailable(let reason): "A call to the gateway failed (\(reason)). Try again in a moment."
        case .noLoginInProgress: "No login is in progress in this browser, or this answer was already used. Start again."
        case .loginExpired: "The login took too long and has expired. Start again."
        case .duplicateParameter(let name): "The answer from the gateway has the parameter \(name) more than once."
        case .stateMismatch: "The state in the answer does not match the login this browser started (possible CSRF)."
        case .issuerMissing: "The answer from the gateway has no iss parameter (RFC 9207), so its origin cannot be checked."
        case .issuerMismatch: "The iss parameter of the answer is not the gateway this app uses (RFC 9207: possible mix-up attack)."
        case .authorizationError(let code, let text): "The gateway answered with error \(code)" + (text.map { ": \($0)" } ?? ".")
        case .missingCode: "The answer from the gateway has neither a code nor an error."
        case .tokenError(let status, let code, let text):
            "The token endpoint refused the request (HTTP \(status), error \(code))" + (text.map { ": \($0)" } ?? ".")
        case .invalidTokenResponse(let reason): "The token endpoint's answer is unusable: \(reason)."
        case .idTokenRejected(let reason): "The ID token was rejected: \(reason)."
        case .userinfoSubjectMismatch: "The userinfo response is about another subject than the ID token (OIDC Core 5.3.4)."
        case .forgedForm: "The form did not come from this application's own page. Reload the page and try again."
        case .notLoggedIn: "You are not logged in to this application."
        case .noRefreshToken: "The gateway issued no refresh token for this login."
        }
    }

    /// A short fixed name for logs and metrics.
    public var kind: String {
        switch self {
        case .discovery: "discovery"
        case .gatewayUnavailable: "gateway_unavailable"
        case .noLoginInProgress: "no_login_in_progress"
        case .loginExpired: "login_expired"
        case .duplicateParameter: "duplicate_parameter"
        case .stateMismatch: "state_mismatch"
        case .issuerMissing: "issuer_missing"
        case .issuerMismatch: "issuer_mismatch"
        case .authorizationError: "authorization_error"
        case .missingCode: "missing_code"
        case .tokenError: "token_error"
        case .invalidTokenResponse: "invalid_token_response"
        case .idTokenRejected: "id_token_rejected"
        case .userinfoSubjectMismatch: "userinfo_subject_mismatch"
        case .forgedForm: "forged_form"
        case .notLoggedIn: "not_logged_in"
        case .noRefreshToken: "no_refresh_token"
        }
    }

    /// The HTTP status of the page.
    public var status: Int {
        switch self {
        case .discovery, .gatewayUnavailable: 502
        case .forgedForm: 403
        default: 400
        }
    }
}
