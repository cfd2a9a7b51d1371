import Synchronization

/// A `PolicyStore` in process memory, for unit tests of code that reads policies (through
/// a `PolicyCatalog`). No history and no secrets: that is the SQL store's job.
public final class InMemoryPolicyStore: PolicyStore {
    private let policies: Mutex<[String: ApplicationPolicy]>

    /// A store holding `policies` (a later policy with the same client_id wins).
    public init(_ policies: [ApplicationPolicy] = []) {
        self.policies = Mutex(Dictionary(policies.map { ($0.clientID, $0) }, uniquingKeysWith: { _, last in last }))
    }

    /// Adds the policy, or replaces the one with its client_id.
    public func put(_ policy: ApplicationPolicy) {
        policies.withLock { $0[policy.clientID] = policy }
    }

    /// The policy of `clientID`, if any.
    public func policy(clientID: String) -> ApplicationPolicy? {
        policies.withLock { $0[clientID] }
    }

    /// Every policy, ordered by client_id.
    public func allPolicies() -> [ApplicationPolicy] {
        policies.withLock { $0.values.sorted { $0.clientID < $1.clientID } }
    }
}
