public import GatewayCore

/// An application's current policy with its place in the history.
public struct StoredPolicy: Sendable, Equatable {
    /// The policy in force.
    public let policy: ApplicationPolicy
    /// Its version number (see `PolicyVersion`).
    public let version: Int
    /// When that version was stored.
    public let updatedAt: Instant
    /// Who stored it.
    public let updatedBy: String

    /// A stored policy.
    public init(policy: ApplicationPolicy, version: Int, updatedAt: Instant, updatedBy: String) {
        self.policy = policy
        self.version = version
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }
}
