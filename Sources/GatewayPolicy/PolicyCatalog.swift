public import GatewayCore
import Synchronization

/// Every application policy in memory, for the endpoints that need one per request
/// (authorize, token, introspection: thousands a second), which must never wait for the
/// store.
///
/// A lookup is a dictionary read under a lock. When the snapshot is older than
/// `reloadSeconds`, the first call to notice reloads it from the store, so an import or
/// an admin edit reaches every node within that time without a restart; calls meanwhile
/// keep answering from the old snapshot. A reload that fails keeps the last snapshot in
/// service (reported through `lastReloadError`) and is tried again `reloadSeconds` later.
public final class PolicyCatalog: Sendable {
    private struct Snapshot: Sendable {
        let byClientID: [String: ApplicationPolicy]
        let ordered: [ApplicationPolicy]

        init(_ policies: [ApplicationPolicy]) {
            ordered = policies
            byClientID = Dictionary(policies.map { ($0.clientID, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    private struct State: Sendable {
        var snapshot: Snapshot
        /// When the snapshot was last loaded or found due (the reload clock).
        var loadedAt: Double
        /// When the read that produced `snapshot` started.
        var readStartedAt: Double
        var lastError: PolicyStoreError?
    }

    private let store: any PolicyStore
    private let reloadSeconds: Double
    private let clock: any Clock
    private let state: Mutex<State>

    /// Loads every policy from `store` now.
    /// - Throws: `PolicyStoreError` when the store cannot be read: without policies the
    ///   gateway must not start.
    public init(store: any PolicyStore, reloadSeconds: Double = 10, clock: any Clock = SystemClock()) throws(PolicyStoreError) {
        self.store = store
        self.reloadSeconds = reloadSeconds
        self.clock = clock
        let now = clock.monotonicSeconds()
        let policies = try store.allPolicies()
        state = Mutex(State(snapshot: Snapshot(policies), loadedAt: now, readStartedAt: now))
    }

    /// The policy of `clientID`, or nil when no such application was imported.
    public func policy(clientID: String) -> ApplicationPolicy? {
        current().byClientID[clientID]
    }

    /// Every policy, ordered by client_id.
    public func all() -> [ApplicationPolicy] {
        current().ordered
    }

    /// Reads the store now (for instance right after an import in this process).
    /// - Throws: `PolicyStoreError`; the last snapshot then stays in service.
    public func reload() throws(PolicyStoreError) {
        let now = clock.monotonicSeconds()
        state.withLock { $0.loadedAt = now }
        _ = try refresh(startedAt: now)
    }

    /// Why the last reload failed; nil when it succeeded.
    public var lastReloadError: PolicyStoreError? { state.withLock { $0.lastError } }

    /// The snapshot, reloaded first when it is due. Only the caller that finds it due
    /// reloads: it moves `loadedAt` under the lock, so the others see it as fresh.
    private func current() -> Snapshot {
        let now = clock.monotonicSeconds()
        let (snapshot, due) = state.withLock { state -> (Snapshot, Bool) in
            let due = now - state.loadedAt >= reloadSeconds
            if due { state.loadedAt = now }
            return (state.snapshot, due)
        }
        guard due else { return snapshot }
        return (try? refresh(startedAt: now)) ?? snapshot
    }

    /// Reads every policy and installs them, unless a read that started later was
    /// installed first (two reloads can overlap); records the outcome.
    private func refresh(startedAt: Double) throws(PolicyStoreError) -> Snapshot {
        do {
            let fresh = Snapshot(try store.allPolicies())
            return state.withLock { state in
                guard startedAt >= state.readStartedAt else { return state.snapshot }
                state.snapshot = fresh
                state.readStartedAt = startedAt
                state.lastError = nil
                return fresh
            }
        } catch {
            state.withLock { $0.lastError = error }
            throw error
        }
    }
}
