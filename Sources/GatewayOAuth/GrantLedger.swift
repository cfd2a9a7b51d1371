import GatewayCore

/// The state and rules of `InMemoryGrantStore`, kept apart from its lock. Mirrors the
/// Redis scripts record for record: a grant with a deadline (`liveUntil`), refresh-token
/// records (current or retired, each with the deadline the grant had when it was written)
/// and access-token records, all keyed by hash or `jti`.
struct GrantLedger {
    /// A grant, its current refresh token and the end of its life: the access token's end
    /// without a refresh token, else the earlier of last use + idle and the absolute end.
    struct GrantRecord {
        var grant: Grant
        var currentRefreshHash: String?
        var liveUntil: Instant
    }

    /// What a retired refresh token remembers for the grace window.
    struct Retirement {
        let retiredAt: Instant
        let successorHash: String
        let sealedSuccessor: String
    }

    /// A refresh token, current (no retirement) or retired.
    struct RefreshRecord {
        let grantID: String
        let retirement: Retirement?
        let liveUntil: Instant
    }

    /// An access token's `jti`, its grant and its expiry.
    struct AccessRecord {
        let grantID: String
        let liveUntil: Instant
    }

    /// What a rotation decided; `retried` carries the sealed successor to open.
    enum Rotation {
        case rotated(Grant)
        case retried(Grant, sealedSuccessor: String)
        case reused
        case invalid
    }

    /// A refresh token presented for rotation, with what its rotation would store.
    struct Presentation {
        let presentedHash: String
        let successorHash: String
        let sealedSuccessor: String
        let clientID: String
        let graceSeconds: Int
    }

    private var grants: [String: GrantRecord] = [:]
    private var refreshTokens: [String: RefreshRecord] = [:]
    private var accessTokens: [String: AccessRecord] = [:]
    private var writesSinceSweep = 0
    /// Records past their deadline are dropped every this many writes.
    private static let sweepInterval = 256

    /// Replaces any grant of the same id with `grant`, its first refresh token and access token.
    mutating func start(_ grant: Grant, refreshTokenHash: String?, access: (id: String, seconds: Int), at now: Instant) {
        sweepIfDue(now)
        end(grantID: grant.grantID)
        let liveUntil = refreshTokenHash == nil ? now.adding(seconds: access.seconds) : Self.refreshDeadline(grant, now)
        grants[grant.grantID] = GrantRecord(grant: grant, currentRefreshHash: refreshTokenHash, liveUntil: liveUntil)
        if let refreshTokenHash {
            refreshTokens[refreshTokenHash] = RefreshRecord(grantID: grant.grantID, retirement: nil, liveUntil: liveUntil)
        }
        register(access, grantID: grant.grantID, at: now)
    }

    /// Rotation as `GrantStore.rotate` describes it.
    mutating func rotate(_ presentation: Presentation, access: (id: String, seconds: Int), at now: Instant) -> Rotation {
        sweepIfDue(now)
        guard let token = refreshTokens[presentation.presentedHash], now < token.liveUntil,
              let record = liveGrant(token.grantID, at: now),
              record.grant.clientID == presentation.clientID, let current = record.currentRefreshHash
        else { return .invalid }
        if current == presentation.presentedHash {
            return .rotated(retire(presentation, of: record, access: access, at: now))
        }
        guard let retirement = token.retirement else { return .invalid }
        let graceEnd = retirement.retiredAt.adding(seconds: presentation.graceSeconds)
        if presentation.graceSeconds > 0, now < graceEnd, retirement.successorHash == current, !retirement.sealedSuccessor.isEmpty {
            register(access, grantID: record.grant.grantID, at: now)
            return .retried(record.grant, sealedSuccessor: retirement.sealedSuccessor)
        }
        end(grantID: record.grant.grantID)
        refreshTokens[presentation.presentedHash] = nil
        return .reused
    }

    /// The grant whose current refresh token has `hash`, while it lives.
    func grant(refreshTokenHash hash: String, at now: Instant) -> Grant? {
        guard let token = refreshTokens[hash], token.retirement == nil, now < token.liveUntil,
              let record = grants[token.grantID], now < record.liveUntil, record.currentRefreshHash == hash
        else { return nil }
        return record.grant
    }

    /// Whether `jti` is registered, unexpired, and its grant lives.
    func isAccessTokenActive(_ jti: String, at now: Instant) -> Bool {
        guard let access = accessTokens[jti], now < access.liveUntil,
              let record = grants[access.grantID] else { return false }
        return now < record.liveUntil
    }

    /// Removes the grant and its current refresh token; retired tokens and access tokens
    /// then point at nothing and count as unknown.
    mutating func end(grantID: String) {
        guard let record = grants.removeValue(forKey: grantID) else { return }
        if let current = record.currentRefreshHash { refreshTokens[current] = nil }
    }

    /// Forgets one access token.
    mutating func revoke(accessTokenID: String) {
        accessTokens[accessTokenID] = nil
    }

    /// The grant while it lives; a grant found past its deadline is ended.
    private mutating func liveGrant(_ grantID: String, at now: Instant) -> GrantRecord? {
        guard let record = grants[grantID] else { return nil }
        guard now < record.liveUntil else {
            end(grantID: grantID)
            return nil
        }
        return record
    }

    /// Retires the presented (current) token, makes the successor current, renews the grant.
    private mutating func retire(
        _ presentation: Presentation, of record: GrantRecord, access: (id: String, seconds: Int), at now: Instant
    ) -> Grant {
        let grantID = record.grant.grantID
        let liveUntil = Self.refreshDeadline(record.grant, now)
        let retirement = Retirement(
            retiredAt: now, successorHash: presentation.successorHash, sealedSuccessor: presentation.sealedSuccessor)
        refreshTokens[presentation.presentedHash] = RefreshRecord(grantID: grantID, retirement: retirement, liveUntil: liveUntil)
        refreshTokens[presentation.successorHash] = RefreshRecord(grantID: grantID, retirement: nil, liveUntil: liveUntil)
        grants[grantID] = GrantRecord(grant: record.grant, currentRefreshHash: presentation.successorHash, liveUntil: liveUntil)
        register(access, grantID: grantID, at: now)
        return record.grant
    }

    private mutating func register(_ access: (id: String, seconds: Int), grantID: String, at now: Instant) {
        accessTokens[access.id] = AccessRecord(grantID: grantID, liveUntil: now.adding(seconds: access.seconds))
    }

    /// The end of a refresh-token grant used at `now`: idle timeout, never past the absolute end.
    private static func refreshDeadline(_ grant: Grant, _ now: Instant) -> Instant {
        min(now.adding(seconds: grant.idleSeconds), grant.expiresAt)
    }

    private mutating func sweepIfDue(_ now: Instant) {
        writesSinceSweep += 1
        guard writesSinceSweep >= Self.sweepInterval else { return }
        writesSinceSweep = 0
        grants = grants.filter { now < $0.value.liveUntil }
        refreshTokens = refreshTokens.filter { now < $0.value.liveUntil }
        accessTokens = accessTokens.filter { now < $0.value.liveUntil }
    }
}

extension Instant {
    /// The instant `seconds` later.
    fileprivate func adding(seconds: Int) -> Instant {
        Instant(secondsSinceEpoch: secondsSinceEpoch + Double(seconds))
    }
}
