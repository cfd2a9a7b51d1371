/// Where application policies live once imported (the SQL store). The authorization,
/// token and introspection endpoints read them through a `PolicyCatalog` snapshot, never
/// per request from the store.
public protocol PolicyStore: Sendable {
    /// The current policy of `clientID`, or nil when no such application was imported.
    func policy(clientID: String) throws(PolicyStoreError) -> ApplicationPolicy?

    /// Every application's current policy, ordered by client_id.
    func allPolicies() throws(PolicyStoreError) -> [ApplicationPolicy]
}

/// Why the policy store could not answer. Carries no secret.
public enum PolicyStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store cannot be reached or answered with an error. `detail` is technical, for logs.
    case unavailable(detail: String)

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .unavailable(let detail): "policy store unavailable: \(detail)"
        }
    }
}
