extension ApplicationPolicy {
    /// The scopes the gateway supports; a policy can allow only these.
    public enum Scope: String, Sendable, Equatable, CaseIterable, Encodable {
        /// Required: makes the request an OpenID Connect request.
        case openid
        /// `preferred_username`; released only with a functional-communication need.
        case profile
        /// `email`, `email_verified`; released only with a functional-communication need.
        case email
        /// Refresh tokens (OIDC Core §11).
        case offlineAccess = "offline_access"

        /// Whether the scope asks for username or e-mail, which only applications with a
        /// functional-communication need may receive.
        public var asksForContactDetails: Bool { self == .profile || self == .email }
    }
}
