import GatewayCore
import GatewayPolicy
import GatewayTesting
import GatewaySQLite
import Synchronization
import Testing

/// A store that fails while `failing` is set, and otherwise answers from `policies`.
private final class FlakyPolicyStore: PolicyStore {
    let failing = Mutex(false)
    let policies: Mutex<[ApplicationPolicy]>
    let reads = Mutex(0)

    init(_ policies: [ApplicationPolicy]) { self.policies = Mutex(policies) }

    func policy(clientID: String) throws(PolicyStoreError) -> ApplicationPolicy? {
        try allPolicies().first { $0.clientID == clientID }
    }

    func allPolicies() throws(PolicyStoreError) -> [ApplicationPolicy] {
        reads.withLock { $0 += 1 }
        guard !failing.withLock({ $0 }) else { throw .unavailable(detail: "store down") }
        return policies.withLock { $0 }
    }
}

/// The in-memory snapshot the hot endpoints read policies from.
@Suite struct PolicyCatalogTests {
    @Test func looksUpEveryImportedPolicyWithoutReadingTheStoreAgain() throws {
        let store = FlakyPolicyStore([try PolicyFixtures.confidential(), try PolicyFixtures.publicClient()])
        let catalog = try PolicyCatalog(store: store, reloadSeconds: 30, clock: ManualClock())
        #expect(catalog.policy(clientID: "e-books") == (try PolicyFixtures.publicClient()))
        #expect(catalog.policy(clientID: "unknown") == nil)
        #expect(catalog.all().map(\.clientID) == ["reading-tipper", "e-books"], "in the store's order")
        #expect(store.reads.withLock { $0 } == 1)
    }

    @Test func startFailsWhenTheStoreCannotBeRead() throws {
        let store = FlakyPolicyStore([])
        store.failing.withLock { $0 = true }
        #expect(throws: PolicyStoreError.unavailable(detail: "store down")) {
            try PolicyCatalog(store: store, reloadSeconds: 30, clock: ManualClock())
        }
    }

    @Test func reloadPicksUpAnImportOnceTheSnapshotIsOld() throws {
        let harness = try PolicyStoreHarness()
        try harness.importPolicy(try PolicyFixtures.publicClient())
        let clock = ManualClock()
        let catalog = try PolicyCatalog(store: harness.store, reloadSeconds: 30, clock: clock)
        try harness.importPolicy(try PolicyFixtures.confidential())
        try harness.importPolicy(try PolicyFixtures.publicClient(["display_name": #""E-books 2""#]))
        clock.advance(by: 29)
        #expect(catalog.policy(clientID: "reading-tipper") == nil, "still the old snapshot")
        clock.advance(by: 1)
        #expect(catalog.policy(clientID: "reading-tipper")?.hasCredentials == true)
        #expect(catalog.all().map(\.displayName) == ["E-books 2", "Reading Tipper"])
    }

    @Test func failedReloadKeepsTheSnapshotAndIsRetriedNextTime() throws {
        let store = FlakyPolicyStore([try PolicyFixtures.publicClient()])
        let clock = ManualClock()
        let catalog = try PolicyCatalog(store: store, reloadSeconds: 10, clock: clock)
        let added = try PolicyFixtures.confidential()
        store.failing.withLock { $0 = true }
        store.policies.withLock { $0.append(added) }
        clock.advance(by: 10)
        #expect(catalog.policy(clientID: "e-books") != nil && catalog.policy(clientID: "reading-tipper") == nil)
        #expect(catalog.lastReloadError == .unavailable(detail: "store down"))
        #expect(store.reads.withLock { $0 } == 2, "one failed attempt, not one per call")
        store.failing.withLock { $0 = false }
        clock.advance(by: 10)
        #expect(catalog.policy(clientID: "reading-tipper") != nil)
        #expect(catalog.lastReloadError == nil)
    }

    @Test func explicitReloadReportsAFailureAndKeepsServing() throws {
        let store = FlakyPolicyStore([try PolicyFixtures.publicClient()])
        let catalog = try PolicyCatalog(store: store, reloadSeconds: 10, clock: ManualClock())
        store.failing.withLock { $0 = true }
        #expect(throws: PolicyStoreError.self) { try catalog.reload() }
        #expect(catalog.all().count == 1)
        store.failing.withLock { $0 = false }
        store.policies.withLock { $0 = [] }
        try catalog.reload()
        #expect(catalog.all().isEmpty)
    }
}
