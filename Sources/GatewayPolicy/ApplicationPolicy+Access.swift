extension ApplicationPolicy {
    /// Whether tokens for this application carry `preferred_username`, `email` and
    /// `email_verified` (the patron's restriction of processing still overrides this).
    public var disclosesUsernameAndEmail: Bool { functionalCommunication.needed }

    /// Whether patrons of `library` may use the application.
    public func subscribes(library: String) -> Bool { libraries.includes(library) }

    /// Whether the client may request `scope`.
    public func allows(scope: Scope) -> Bool { allowedScopes.contains(scope) }

    /// Whether `uri` is exactly one of the registered redirect URIs.
    public func registers(redirectURI uri: String) -> Bool { redirectURIs.contains(uri) }

    /// Whether `uri` is exactly one of the registered post-logout redirect URIs.
    public func registers(postLogoutRedirectURI uri: String) -> Bool { postLogoutRedirectURIs.contains(uri) }

    /// Whether the client can authenticate at the token endpoint today: a `client_secret_*`
    /// client needs its secret to have been generated.
    public var hasCredentials: Bool {
        !tokenEndpointAuthMethod.usesClientSecret || clientSecretHash != nil
    }
}
