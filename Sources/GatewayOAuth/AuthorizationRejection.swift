/// Why an authorization request is refused.
public enum AuthorizationRejection: Error, Sendable, Equatable {
    /// The client or the redirect URI cannot be trusted: tell the patron on a page and never
    /// redirect (RFC 6749 §4.1.2.1, "MUST NOT automatically redirect").
    case page(Reason)
    /// Send the error back to the client's (validated) redirect URI.
    case redirect(OAuthError, redirectURI: String, state: String?)

    /// What the patron is told when the gateway cannot redirect.
    public enum Reason: String, Sendable, Equatable {
        /// client_id missing, repeated or unknown.
        case unknownClient = "unknown_client"
        /// The application is deactivated.
        case inactiveClient = "inactive_client"
        /// redirect_uri missing, repeated or not registered for the client.
        case badRedirectURI = "bad_redirect_uri"
    }
}
