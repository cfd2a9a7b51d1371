public import GatewayCore

/// Where patron accounts live. One implementation per database (SQLite now, PostgreSQL
/// later) plus `InMemoryPatronStore` for unit tests; one contract suite checks them all.
///
/// Lookups take normal forms (`UsernameRules.normalize`, `EmailRules.normalize`). Besides
/// the `PatronStoreError`s documented per method, implementations throw their own
/// operational errors (database busy or down), which callers answer with 503.
public protocol PatronStore: Sendable {
    /// Stores a new account, all or nothing.
    ///
    /// When several uniqueness rules are broken, the first in this order is reported:
    /// - Throws: `PatronStoreError.mylibraryIDTaken` (also for the id of an erased
    ///   account), `.usernameTaken`, `.emailTaken`, `.membershipAlreadyLinked`.
    func create(_ account: PatronAccount) throws

    /// The account with this Mylibrary-id, nil when there is none.
    func find(mylibraryID: MylibraryID) throws -> PatronAccount?

    /// The account whose normalised username is `normalizedUsername`, nil when none.
    func find(normalizedUsername: String) throws -> PatronAccount?

    /// The account whose normalised e-mail address is `normalizedEmail`, nil when none.
    func find(normalizedEmail: String) throws -> PatronAccount?

    /// The account linked to membership `membershipReference` of library `libraryID`.
    func find(libraryID: String, membershipReference: String) throws -> PatronAccount?

    /// Records a successful login at `instant`.
    /// - Throws: `PatronStoreError.notFound`.
    func updateLastLogin(mylibraryID: MylibraryID, at instant: Instant) throws

    /// Replaces the password hash (new password, or a rehash with new parameters).
    /// - Throws: `PatronStoreError.notFound`.
    func updatePasswordHash(mylibraryID: MylibraryID, to passwordHash: String) throws

    /// Restricts processing (Art. 18) or lifts the restriction.
    /// - Throws: `PatronStoreError.notFound`.
    func setStatus(mylibraryID: MylibraryID, to status: PatronStatus) throws

    /// Erases the account (Art. 17). The Mylibrary-id stays marked as used, without
    /// anything about the person, so it is never handed out again. Returns false when
    /// there was no such account.
    @discardableResult
    func delete(mylibraryID: MylibraryID) throws -> Bool

    /// True when the id belongs, or ever belonged, to an account.
    func isMylibraryIDEverUsed(_ mylibraryID: MylibraryID) throws -> Bool
}
