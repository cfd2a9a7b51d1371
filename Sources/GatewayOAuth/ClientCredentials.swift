import Foundation
import GatewayCore

/// How a client presented itself at the token, introspection or revocation endpoint
/// (RFC 6749 §2.3, RFC 7523 §2.2, OIDC Core §9). More than one method in one request is
/// refused (RFC 6749 §2.3: "MUST NOT use more than one authentication method").
public enum ClientCredentials: Sendable, Equatable {
    /// `client_secret_basic`: HTTP Basic with the form-encoded id and secret.
    case basic(clientID: String, secret: String)
    /// `client_secret_post`: `client_id` and `client_secret` in the body.
    case post(clientID: String, secret: String)
    /// `private_key_jwt`: a signed assertion (`client_id` in the body is optional).
    case assertion(String, clientID: String?)
    /// `none`: a public client naming itself with `client_id`.
    case none(clientID: String)

    /// The `client_assertion_type` of RFC 7523 §2.2.
    public static let jwtBearerType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

    /// The credentials in a request's `Authorization` header and body parameters.
    public init(authorization: String?, parameters: OAuthParameters) throws(OAuthError) {
        let secret = try parameters.single("client_secret")
        let assertion = try parameters.single("client_assertion")
        let clientID = try parameters.single("client_id")
        if let authorization, Self.isBasic(authorization) {
            guard secret == nil, assertion == nil else { throw Self.twoMethods }
            let (id, presentedSecret) = try Self.decodeBasic(String(authorization.dropFirst(6)))
            if let clientID, clientID != id { throw OAuthError(.invalidRequest, "client_id does not match the Authorization header.") }
            self = .basic(clientID: id, secret: presentedSecret)
        } else if let assertion {
            guard secret == nil else { throw Self.twoMethods }
            guard try parameters.single("client_assertion_type") == Self.jwtBearerType else {
                throw OAuthError(.invalidRequest, "client_assertion_type must be \(Self.jwtBearerType).")
            }
            self = .assertion(assertion, clientID: clientID)
        } else if let clientID {
            self = secret.map { .post(clientID: clientID, secret: $0) } ?? .none(clientID: clientID)
        } else {
            throw OAuthError(.invalidClient, "Client authentication is required.", detail: "no client credentials")
        }
    }

    /// The client id the credentials claim (for an assertion without `client_id`, nil).
    public var claimedClientID: String? {
        switch self {
        case .basic(let id, _), .post(let id, _), .none(let id): id
        case .assertion(_, let id): id
        }
    }

    /// Whether `authorization` uses the Basic scheme (case-insensitive, RFC 9110 §11.1),
    /// without lowercasing the whole header.
    static func isBasic(_ authorization: String) -> Bool {
        authorization.utf8.count > 6 && authorization.prefix(6).lowercased() == "basic "
    }

    private static let twoMethods = OAuthError(.invalidRequest, "Use exactly one client authentication method.")

    /// RFC 6749 §2.3.1: the id and secret are form-encoded before being joined by a colon.
    private static func decodeBasic(_ encoded: String) throws(OAuthError) -> (String, String) {
        var failure = OAuthError(.invalidClient, "Malformed HTTP Basic credentials.", detail: "bad basic header")
        failure.usedBasicAuthentication = true
        guard let data = Data(base64Encoded: encoded.trimmingSpaces),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":") else { throw failure }
        let id = PercentDecoding.lenient(String(text[..<colon]), plusIsSpace: true)
        let secret = PercentDecoding.lenient(String(text[text.index(after: colon)...]), plusIsSpace: true)
        guard !id.isEmpty, !secret.isEmpty else { throw failure }
        return (id, secret)
    }
}
