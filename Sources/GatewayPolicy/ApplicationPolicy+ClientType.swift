extension ApplicationPolicy {
    /// OAuth 2 client type (RFC 6749 §2.1).
    public enum ClientType: String, Sendable, Equatable, CaseIterable, Encodable {
        /// Runs on a server and can keep a credential secret.
        case confidential
        /// Runs on the patron's device (native or browser app); authenticated only by PKCE.
        case `public`
    }
}
