public import GatewayCore
import Synchronization

/// A `SessionStore` in process memory, for unit tests and single-node development: the
/// same rules as the Redis one, with expiry driven by the injected clock.
public final class InMemorySessionStore: SessionStore {
    private struct State {
        var sessions: [String: Session] = [:]
        var preLogins: [String: Session.PreLogin] = [:]
        var byPatron: [MylibraryID: Set<String>] = [:]
    }

    private let lifetimes: SessionLifetimes
    private let clock: any Clock
    private let random: any RandomSource
    private let state = Mutex(State())

    /// A store applying `lifetimes`, reading time from `clock` and ids from `random`.
    public init(lifetimes: SessionLifetimes = SessionLifetimes(), clock: any Clock = SystemClock(), random: any RandomSource) {
        self.lifetimes = lifetimes
        self.clock = clock
        self.random = random
    }

    /// Starts a session under a fresh id and retires the pre-login session.
    public func create(
        mylibraryID: MylibraryID, amr: [String], acr: String?, replacing preLoginID: SessionID?
    ) -> (id: SessionID, session: Session) {
        let started = Session.start(
            mylibraryID: mylibraryID, amr: amr, acr: acr, at: clock.now(), lifetimes: lifetimes, random: random)
        let key = started.id.storageKey
        state.withLock { state in
            if let preLoginID { state.preLogins[preLoginID.storageKey] = nil }
            state.sessions[key] = started.session
            state.byPatron[mylibraryID, default: []].insert(key)
        }
        return started
    }

    /// The live session, marked as used now.
    public func find(_ id: SessionID) -> Session? {
        touch(id) { _ in }
    }

    /// Records `clientID` on the live session.
    public func addClient(_ clientID: String, to id: SessionID) -> Bool {
        touch(id) { $0.clientIDs.insert(clientID) } != nil
    }

    /// Ends the session.
    @discardableResult
    public func delete(_ id: SessionID) -> Session? {
        state.withLock { state in
            let key = id.storageKey
            guard let session = state.sessions.removeValue(forKey: key) else { return nil }
            state.byPatron[session.mylibraryID]?.remove(key)
            return session
        }
    }

    /// Ends every session of the patron.
    @discardableResult
    public func deleteAll(for mylibraryID: MylibraryID) -> Set<String> {
        state.withLock { state in
            let keys = state.byPatron.removeValue(forKey: mylibraryID) ?? []
            return keys.reduce(into: Set<String>()) { clients, key in
                clients.formUnion(state.sessions.removeValue(forKey: key)?.clientIDs ?? [])
            }
        }
    }

    /// Starts a pre-login session.
    public func createPreLogin() -> (id: SessionID, session: Session.PreLogin) {
        let started = Session.PreLogin.start(at: clock.now(), lifetimes: lifetimes, random: random)
        state.withLock { $0.preLogins[started.id.storageKey] = started.session }
        return started
    }

    /// The pre-login session while it has not expired.
    public func findPreLogin(_ id: SessionID) -> Session.PreLogin? {
        let now = clock.now()
        return state.withLock { state in
            let key = id.storageKey
            guard let preLogin = state.preLogins[key] else { return nil }
            guard now < preLogin.expiresAt else {
                state.preLogins[key] = nil
                return nil
            }
            return preLogin
        }
    }

    /// Ends the pre-login session.
    public func deletePreLogin(_ id: SessionID) {
        _ = state.withLock { $0.preLogins.removeValue(forKey: id.storageKey) }
    }

    /// Applies `change` to the live session and marks it used; an expired one is removed.
    private func touch(_ id: SessionID, _ change: (inout Session) -> Void) -> Session? {
        let now = Session.milliseconds(clock.now())
        return state.withLock { state in
            let key = id.storageKey
            guard var session = state.sessions[key] else { return nil }
            guard session.isLive(at: now, idleSeconds: lifetimes.idleSeconds) else {
                state.sessions[key] = nil
                state.byPatron[session.mylibraryID]?.remove(key)
                return nil
            }
            session.lastSeenAt = max(session.lastSeenAt, now)
            change(&session)
            state.sessions[key] = session
            return session
        }
    }
}
