/// Where single sign-on sessions live (Redis in production). Sessions are found by the
/// id in the cookie but kept under its hash; every session is also listed under its
/// patron, so "log out everywhere" and erasure find them all.
///
/// Every method throws `.unavailable` when the store is down: the caller answers 503.
public protocol SessionStore: Sendable {
    /// Starts a session for a patron who just logged in, under a fresh id (never one that
    /// existed before: no fixation), and retires the pre-login session `preLoginID`.
    func create(mylibraryID: MylibraryID, amr: [String], acr: String?, replacing preLoginID: SessionID?)
        throws(SessionStoreError) -> (id: SessionID, session: Session)

    /// The live session named `id`, marked as used now (which restarts its idle timeout,
    /// never beyond its absolute end); nil when it is unknown, idle too long or too old.
    func find(_ id: SessionID) throws(SessionStoreError) -> Session?

    /// Records that the session logged into `clientID` and marks it as used; false when
    /// the session is no longer live.
    func addClient(_ clientID: String, to id: SessionID) throws(SessionStoreError) -> Bool

    /// Ends the session named `id`; returns what it held (for back-channel logout), or
    /// nil when there was none.
    @discardableResult
    func delete(_ id: SessionID) throws(SessionStoreError) -> Session?

    /// Ends every session of `mylibraryID` ("log out everywhere", erasure); returns the
    /// client_ids they logged into.
    @discardableResult
    func deleteAll(for mylibraryID: MylibraryID) throws(SessionStoreError) -> Set<String>

    /// Starts an anonymous pre-login session (for the CSRF tokens of login and
    /// registration forms) under a fresh id.
    func createPreLogin() throws(SessionStoreError) -> (id: SessionID, session: Session.PreLogin)

    /// The pre-login session named `id` while it has not expired; never an
    /// authenticated session.
    func findPreLogin(_ id: SessionID) throws(SessionStoreError) -> Session.PreLogin?

    /// Ends the pre-login session named `id`.
    func deletePreLogin(_ id: SessionID) throws(SessionStoreError)
}
