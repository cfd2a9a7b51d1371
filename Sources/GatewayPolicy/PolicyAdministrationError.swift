/// Why an admin change to the stored policies was refused or failed. Carries no secret.
public enum PolicyAdministrationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No application with this client_id has been imported.
    case unknownClient(clientID: String)
    /// The application does not authenticate with a client secret (`client_secret_basic`
    /// or `client_secret_post`), so it cannot be given one.
    case noClientSecret(clientID: String)
    /// The resulting document breaks a policy rule.
    case invalidPolicy(InvalidPolicyError)
    /// A new client secret could not be generated. `detail` is technical, for logs.
    case secretGenerationFailed(detail: String)
    /// No actor was named; every change records who made it.
    case invalidActor
    /// The store failed; nothing was changed.
    case store(PolicyStoreError)

    /// A one-line explanation for the admin and for logs.
    public var description: String {
        switch self {
        case .unknownClient(let clientID): "no application with client_id \(FieldPath.quoted(clientID)) has been imported"
        case .noClientSecret(let clientID):
            "application \(FieldPath.quoted(clientID)) does not use a client secret (token_endpoint_auth_method is not client_secret_*)"
        case .invalidPolicy(let error): "invalid policy: \(error)"
        case .invalidActor: "a change needs an actor: who makes it"
        case .secretGenerationFailed(let detail): "cannot generate a client secret: \(detail)"
        case .store(let error): error.description
        }
    }
}
