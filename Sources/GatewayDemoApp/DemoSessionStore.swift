public import GatewayCore
import GatewayJOSE
import Synchronization

/// Demo sessions in memory, bounded: at most `maximumSessions` (the least recently used
/// go first) and none idle for longer than `idleSeconds`. A demo keeps nothing on disk.
public final class DemoSessionStore: Sendable {
    private let maximumSessions: Int
    private let idleSeconds: Double
    private let clock: any Clock
    private let random: any RandomSource
    private let sessions = Mutex<[String: DemoSession]>([:])

    /// A store with the given bounds.
    public init(maximumSessions: Int, idleSeconds: Double, clock: any Clock, random: any RandomSource) {
        self.maximumSessions = max(1, maximumSessions)
        self.idleSeconds = idleSeconds
        self.clock = clock
        self.random = random
    }

    /// Sessions held now.
    public var count: Int { sessions.withLock { $0.count } }

    /// A new empty session with fresh id and CSRF token, already stored.
    public func create() -> DemoSession {
        let now = clock.monotonicSeconds()
        let session = DemoSession(id: Base64URL.encode(random.bytes(32)), csrfToken: Base64URL.encode(random.bytes(16)), now: now)
        sessions.withLock { all in
            all = all.filter { now - $0.value.lastUsed < idleSeconds }
            while all.count >= maximumSessions, let oldest = all.min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
                all[oldest.key] = nil
            }
            all[session.id] = session
        }
        return session
    }

    /// The session `id`, unless it is unknown or has been idle too long.
    public func session(_ id: String) -> DemoSession? {
        let now = clock.monotonicSeconds()
        return sessions.withLock { all in
            guard var session = all[id] else { return nil }
            guard now - session.lastUsed < idleSeconds else {
                all[id] = nil
                return nil
            }
            session.lastUsed = now
            all[id] = session
            return session
        }
    }

    /// Stores `session` if it still exists (a back-channel logout may have ended it meanwhile).
    public func update(_ session: DemoSession) {
        sessions.withLock { all in
            guard all[session.id] != nil else { return }
            all[session.id] = session
        }
    }

    /// Removes the session `id`.
    public func remove(_ id: String) {
        _ = sessions.withLock { $0.removeValue(forKey: id) }
    }

    /// Takes the pending login out of session `id`: whatever the callback then decides,
    /// its state, nonce and verifier cannot be used a second time.
    public func takePendingLogin(_ id: String) -> PendingLogin? {
        sessions.withLock { all in
            let pending = all[id]?.pendingLogin
            all[id]?.pendingLogin = nil
            return pending
        }
    }

    /// Ends every session whose login matches a logout token (Back-Channel Logout 1.0
    /// §2.7): by `sid` when given (and `sub` too when both are), else every session of
    /// `sub`. Returns how many sessions ended.
    public func endSessions(subject: String?, sessionID: String?) -> Int {
        sessions.withLock { all in
            let matching = all.filter { _, session in
                guard let login = session.login else { return false }
                if let sessionID { return login.sessionID == sessionID && (subject == nil || login.subject == subject) }
                return subject != nil && login.subject == subject
            }
            for id in matching.keys { all[id] = nil }
            return matching.count
        }
    }
}
