import Foundation

/// The demo client a load generator acts as, and how it authenticates at the token and
/// introspection endpoints.
struct BenchClient: Sendable {
    let clientID: String
    let redirectURI: String
    /// nil for a public client (`client_id` in the form), else `client_secret_basic`.
    let secret: String?

    /// The demo policies' clients (`Policies/`): `e-books` (public) and `reading-tipper`.
    static func demo(_ clientID: String, secret: String?) -> BenchClient? {
        switch clientID {
        case "e-books": BenchClient(clientID: clientID, redirectURI: "http://127.0.0.1:8091/callback", secret: nil)
        case "reading-tipper": secret.map { BenchClient(clientID: clientID, redirectURI: "http://127.0.0.1:8090/callback", secret: $0) }
        default: nil
        }
    }

    /// `Authorization: Basic` (RFC 6749 §2.3.1: both parts form-encoded first), or nil.
    var basicHeader: String? {
        guard let secret else { return nil }
        let pair = OIDCRequests.formEncoded(clientID) + ":" + OIDCRequests.formEncoded(secret)
        return "Basic " + Data(pair.utf8).base64EncodedString()
    }
}
