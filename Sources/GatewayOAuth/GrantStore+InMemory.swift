public import GatewayCore
import Synchronization

/// A `GrantStore` in process memory, for unit tests and single-node development: the same
/// rules as the Redis one (see `GrantLedger`). Deadlines come from the `now` the caller
/// passes, and from the injected clock where the protocol passes none (access tokens).
public final class InMemoryGrantStore: GrantStore {
    private let clock: any Clock
    private let ledger = Mutex(GrantLedger())

    /// A store reading time from `clock` for the calls that take no `now`.
    public init(clock: any Clock = SystemClock()) {
        self.clock = clock
    }

    /// Starts the grant with its first access token and, when given, its first refresh token.
    public func start(
        _ grant: Grant, refreshTokenHash: String?, accessTokenID: String, accessTokenSeconds: Int, at now: Instant
    ) {
        let access = (id: accessTokenID, seconds: accessTokenSeconds)
        ledger.withLock { $0.start(grant, refreshTokenHash: refreshTokenHash, access: access, at: now) }
    }

    /// Rotates `presented` into `successor` (see `GrantStore.rotate`).
    public func rotate(
        _ presented: OpaqueToken, successor: OpaqueToken, clientID: String, accessTokenID: String,
        accessTokenSeconds: Int, graceSeconds: Int, at now: Instant
    ) -> RotationOutcome {
        // Hashing and sealing happen before the lock: they cost more than the bookkeeping.
        let presentation = GrantLedger.Presentation(
            presentedHash: presented.hash, successorHash: successor.hash, sealedSuccessor: presented.sealForRetry(successor, graceSeconds: graceSeconds),
            clientID: clientID, graceSeconds: graceSeconds)
        let rotation = ledger.withLock { $0.rotate(presentation, access: (accessTokenID, accessTokenSeconds), at: now) }
        switch rotation {
        case .rotated(let grant): return .rotated(grant)
        case .reused: return .reused
        case .invalid: return .invalid
        case .retried(let grant, let sealed):
            guard let successor = presented.unseal(sealed) else { return .invalid }
            return .retried(grant, successor: successor)
        }
    }

    /// Ends the grant: its refresh tokens and access tokens stop working.
    public func revoke(grantID: String) {
        ledger.withLock { $0.end(grantID: grantID) }
    }

    /// The grant of a live, current refresh token.
    public func grant(refreshTokenHash: String, at now: Instant) -> Grant? {
        ledger.withLock { $0.grant(refreshTokenHash: refreshTokenHash, at: now) }
    }

    /// Whether the access token is registered, unexpired, and its grant lives (at the clock's now).
    public func isAccessTokenActive(_ accessTokenID: String) -> Bool {
        let now = clock.now()
        return ledger.withLock { $0.isAccessTokenActive(accessTokenID, at: now) }
    }

    /// Forgets one access token.
    public func revoke(accessTokenID: String) {
        ledger.withLock { $0.revoke(accessTokenID: accessTokenID) }
    }
}
