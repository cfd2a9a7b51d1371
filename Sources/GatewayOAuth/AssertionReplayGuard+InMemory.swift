public import GatewayCore
import Synchronization

/// The in-memory `AssertionReplayGuard`, for tests and single-node development.
public final class InMemoryAssertionReplayGuard: AssertionReplayGuard {
    private let seen = Mutex<[String: Instant]>([:])

    /// An empty guard.
    public init() {}

    /// True the first time; expired entries are forgotten on the way.
    public func firstUse(jti: String, clientID: String, expiresAt: Instant, at now: Instant) throws(OAuthStoreError) -> Bool {
        seen.withLock { seen in
            seen = seen.filter { $0.value > now }
            let key = clientID + " " + jti
            guard seen[key] == nil else { return false }
            seen[key] = expiresAt
            return true
        }
    }
}
