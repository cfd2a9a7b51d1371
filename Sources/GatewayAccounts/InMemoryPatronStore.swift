public import GatewayCore
internal import Synchronization

/// A `PatronStore` in memory, for unit tests: same behaviour as the database stores
/// (checked by the shared contract suite), safe to use from several threads.
public final class InMemoryPatronStore: PatronStore {
    private struct State {
        var accounts: [MylibraryID: PatronAccount] = [:]
        var usedIDs: Set<MylibraryID> = []

        func account(where matches: (PatronAccount) -> Bool) -> PatronAccount? {
            accounts.values.first(where: matches)
        }
    }

    private let state = Mutex(State())

    /// An empty store.
    public init() {}

    /// Stores a new account after the same uniqueness checks, in the same order, as the
    /// database stores.
    public func create(_ account: PatronAccount) throws {
        try state.withLock { state throws(PatronStoreError) in
            if state.usedIDs.contains(account.mylibraryID) { throw .mylibraryIDTaken }
            if state.account(where: { $0.username.normalized == account.username.normalized }) != nil {
                throw .usernameTaken
            }
            if state.account(where: { $0.email.normalized == account.email.normalized }) != nil { throw .emailTaken }
            if state.account(where: { Self.sameMembership($0, account.libraryID, account.membershipReference) }) != nil {
                throw .membershipAlreadyLinked
            }
            state.usedIDs.insert(account.mylibraryID)
            state.accounts[account.mylibraryID] = account
        }
    }

    /// The account with this Mylibrary-id.
    public func find(mylibraryID: MylibraryID) -> PatronAccount? {
        state.withLock { $0.accounts[mylibraryID] }
    }

    /// The account with this normalised username.
    public func find(normalizedUsername: String) -> PatronAccount? {
        state.withLock { $0.account { $0.username.normalized == normalizedUsername } }
    }

    /// The account with this normalised e-mail address.
    public func find(normalizedEmail: String) -> PatronAccount? {
        state.withLock { $0.account { $0.email.normalized == normalizedEmail } }
    }

    /// The account linked to this membership.
    public func find(libraryID: String, membershipReference: String) -> PatronAccount? {
        state.withLock { $0.account { Self.sameMembership($0, libraryID, membershipReference) } }
    }

    /// Records a successful login.
    public func updateLastLogin(mylibraryID: MylibraryID, at instant: Instant) throws {
        try update(mylibraryID) { $0.lastLoginAt = instant }
    }

    /// Replaces the password hash.
    public func updatePasswordHash(mylibraryID: MylibraryID, to passwordHash: String) throws {
        try update(mylibraryID) { $0.passwordHash = passwordHash }
    }

    /// Restricts processing or lifts the restriction.
    public func setStatus(mylibraryID: MylibraryID, to status: PatronStatus) throws {
        try update(mylibraryID) { $0.status = status }
    }

    /// Erases the account; its id stays used.
    @discardableResult
    public func delete(mylibraryID: MylibraryID) -> Bool {
        state.withLock { $0.accounts.removeValue(forKey: mylibraryID) != nil }
    }

    /// True when the id belongs, or ever belonged, to an account.
    public func isMylibraryIDEverUsed(_ mylibraryID: MylibraryID) -> Bool {
        state.withLock { $0.usedIDs.contains(mylibraryID) }
    }

    private func update(_ id: MylibraryID, _ change: (inout PatronAccount) -> Void) throws {
        try state.withLock { state throws(PatronStoreError) in
            guard var account = state.accounts[id] else { throw .notFound }
            change(&account)
            state.accounts[id] = account
        }
    }

    private static func sameMembership(_ account: PatronAccount, _ libraryID: String, _ reference: String) -> Bool {
        account.libraryID == libraryID && account.membershipReference == reference
    }
}
