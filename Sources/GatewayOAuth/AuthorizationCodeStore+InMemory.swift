public import GatewayCore
import Synchronization

/// An `AuthorizationCodeStore` in process memory, for unit tests and single-node
/// development: the same rules as the Redis one, with expiry driven by the injected clock.
/// A consumed code is kept as a marker naming its grant until the code's lifetime ends.
public final class InMemoryAuthorizationCodeStore: AuthorizationCodeStore {
    private enum Entry {
        case unused(AuthorizationCode)
        case consumed(grantID: String)
    }

    private struct State {
        var entries: [String: (entry: Entry, expiresAt: Instant)] = [:]
        var savesSinceSweep = 0
    }

    private let clock: any Clock
    private let state = Mutex(State())
    /// Expired entries are dropped every this many saves, so unexchanged codes do not pile up.
    private static let sweepInterval = 256

    /// A store reading time from `clock`.
    public init(clock: any Clock = SystemClock()) {
        self.clock = clock
    }

    /// Keeps `code` until `ttlSeconds` from now; a code under the same hash is replaced.
    public func save(_ code: AuthorizationCode, codeHash: String, ttlSeconds: Int) {
        let now = clock.now()
        let expiresAt = Instant(secondsSinceEpoch: now.secondsSinceEpoch + Double(ttlSeconds))
        state.withLock { state in
            state.savesSinceSweep += 1
            if state.savesSinceSweep >= Self.sweepInterval {
                state.savesSinceSweep = 0
                state.entries = state.entries.filter { now < $0.value.expiresAt }
            }
            state.entries[codeHash] = (.unused(code), expiresAt)
        }
    }

    /// `.fresh` once, then `.replayed` until the code's lifetime ends, then `.unknown`.
    public func consume(codeHash: String) -> CodeRedemption {
        let now = clock.now()
        return state.withLock { state in
            guard let stored = state.entries[codeHash] else { return .unknown }
            guard now < stored.expiresAt else {
                state.entries[codeHash] = nil
                return .unknown
            }
            switch stored.entry {
            case .consumed(let grantID):
                return .replayed(grantID: grantID)
            case .unused(let code):
                state.entries[codeHash] = (.consumed(grantID: code.grantID), stored.expiresAt)
                return .fresh(code)
            }
        }
    }
}
