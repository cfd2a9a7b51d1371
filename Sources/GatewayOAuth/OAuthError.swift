/// Every error the OAuth and OIDC endpoints answer with, one case per registered error code
/// (RFC 6749 §4.1.2.1 and §5.2, RFC 6750 §3.1, RFC 7009 §2.2.1, OIDC Core §3.1.2.6).
/// `description` is safe to send to the client; `detail` goes to the log only. Anything
/// unexpected becomes `serverError` with a generic description.
public struct OAuthError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The registered error codes.
    public enum Code: String, Sendable, Equatable, CaseIterable {
        case invalidRequest = "invalid_request", invalidClient = "invalid_client", invalidGrant = "invalid_grant"
        case unauthorizedClient = "unauthorized_client", unsupportedGrantType = "unsupported_grant_type"
        case invalidScope = "invalid_scope", accessDenied = "access_denied"
        case unsupportedResponseType = "unsupported_response_type", serverError = "server_error"
        case temporarilyUnavailable = "temporarily_unavailable", invalidToken = "invalid_token"
        case insufficientScope = "insufficient_scope", unsupportedTokenType = "unsupported_token_type"
        case loginRequired = "login_required", consentRequired = "consent_required"
        case interactionRequired = "interaction_required", requestNotSupported = "request_not_supported"
        case requestURINotSupported = "request_uri_not_supported", registrationNotSupported = "registration_not_supported"
    }

    /// The error code.
    public let code: Code
    /// Human-readable text for the client (`error_description`); never personal data.
    public let clientDescription: String
    /// What went wrong in more detail, for the log only.
    public let detail: String?
    /// Whether the client authenticated with HTTP Basic (a 401 must then challenge Basic).
    public var usedBasicAuthentication = false
    /// Whether the request carried no credentials at all: RFC 6750 §3.1 then asks for a
    /// challenge without an error code.
    public var lackedCredentials = false

    /// An error with a client-safe description and an optional log-only detail.
    public init(_ code: Code, _ clientDescription: String, detail: String? = nil) {
        self.code = code
        self.clientDescription = clientDescription
        self.detail = detail
    }

    /// The HTTP status a direct (non-redirect) response carries.
    public var status: Int {
        switch code {
        case .invalidClient, .invalidToken: 401
        case .insufficientScope: 403
        case .serverError: 500
        case .temporarilyUnavailable: 503
        default: 400
        }
    }

    /// The `WWW-Authenticate` challenge (RFC 6749 §5.2 for Basic clients, RFC 6750 §3 for
    /// bearer tokens), or nil.
    public var challenge: String? {
        switch code {
        case .invalidClient where usedBasicAuthentication: #"Basic realm="gateway", charset="UTF-8""#
        case .invalidToken where lackedCredentials: #"Bearer realm="gateway""#
        case .invalidToken, .insufficientScope: #"Bearer realm="gateway", error="\#(code.rawValue)", error_description="\#(clientDescription)""#
        default: nil
        }
    }

    /// One line for logs: the code and the detail.
    public var description: String { "\(code.rawValue): \(detail ?? clientDescription)" }

    /// `server_error` for anything unexpected; the cause goes to the log only.
    public static func unexpected(_ cause: String) -> OAuthError {
        OAuthError(.serverError, "The server could not handle the request.", detail: cause)
    }

    /// `temporarily_unavailable` when a store is down: nothing was issued or changed.
    public static func unavailable(_ cause: String) -> OAuthError {
        OAuthError(.temporarilyUnavailable, "The service is temporarily unavailable; nothing was changed. Try again later.",
                   detail: cause)
    }
}
