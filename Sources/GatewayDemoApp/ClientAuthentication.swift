import Foundation

/// How the demo application authenticates at the token endpoint (RFC 6749 §2.3.1), as
/// the policy's `token_endpoint_auth_method` says.
public enum ClientAuthentication: Sendable, Equatable {
    /// A public client: no credential, `client_id` in the form body; PKCE protects the code.
    case publicClient
    /// `client_secret_basic`: HTTP Basic with the form-urlencoded id and secret.
    case clientSecretBasic(ClientSecret)
    /// `client_secret_post`: `client_id` and `client_secret` in the form body.
    case clientSecretPost(ClientSecret)

    /// The `token_endpoint_auth_method` name.
    public var methodName: String {
        switch self {
        case .publicClient: "none"
        case .clientSecretBasic: "client_secret_basic"
        case .clientSecretPost: "client_secret_post"
        }
    }

    /// Adds the client's credentials for `clientID` to a token request's form fields and
    /// headers.
    func apply(clientID: String, to fields: inout [(String, String)], headers: inout [String: String]) {
        switch self {
        case .publicClient:
            fields.append(("client_id", clientID))
        case .clientSecretBasic(let secret):
            // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined and base64-encoded.
            let pair = FormEncoding.encode(clientID) + ":" + FormEncoding.encode(secret.value)
            headers["Authorization"] = "Basic " + Data(pair.utf8).base64EncodedString()
        case .clientSecretPost(let secret):
            fields.append(("client_id", clientID))
            fields.append(("client_secret", secret.value))
        }
    }
}
