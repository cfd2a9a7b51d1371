public import GatewayCore
public import GatewayCrypto

/// How a login attempt ended.
public enum LoginOutcome: Sendable, Equatable {
    /// Password right, membership valid, account not locked.
    case success(PatronAccount)
    /// Unknown account or wrong password: one answer for both.
    case failed
    /// Too many failures; try again after the given seconds.
    case lockedOut(retryAfterSeconds: Int)
    /// The library membership has ended: no session.
    case membershipExpired
    /// The library system could not confirm the membership; nothing changed.
    case libraryUnavailable
    /// Password hashing is saturated.
    case busy(retryAfterSeconds: Int)
}

/// Login with username or e-mail and password (DESIGN.md, Flows), with the same work for
/// unknown accounts and wrong passwords, brute-force throttling (fail closed when Redis is
/// down: its error is thrown), a membership re-check and a transparent rehash.
public struct LoginService: Sendable {
    private let patrons: any PatronStore
    private let libraries: any LibrarySystem
    private let hasher: PasswordHashingPool
    private let throttle: any LoginThrottle
    private let clock: any Clock

    /// A service over the given stores and systems.
    public init(patrons: any PatronStore, libraries: any LibrarySystem, hasher: PasswordHashingPool, throttle: any LoginThrottle,
                clock: any Clock) {
        self.patrons = patrons
        self.libraries = libraries
        self.hasher = hasher
        self.throttle = throttle
        self.clock = clock
    }

    /// Tries `identifier` (username or e-mail) with `password` from client address `ip`
    /// (for IPv6 the caller passes the /64 prefix). The throttle counts per account, so
    /// username and e-mail share one counter; unknown names count under the name itself.
    public func login(identifier: String, password: String, ip: String) throws -> LoginOutcome {
        let name = identifier.contains("@") ? EmailRules.normalize(identifier) : UsernameRules.normalize(identifier)
        let account = identifier.contains("@") ? try patrons.find(normalizedEmail: name) : try patrons.find(normalizedUsername: name)
        let key = account?.mylibraryID.rawValue ?? name
        if case .lockedOut(let seconds) = try throttle.check(account: key, ip: ip) { return .lockedOut(retryAfterSeconds: seconds) }
        let verification: PasswordHashingPool.Verification
        do { verification = try hasher.verifyOrDummy(password: password, encoded: account?.passwordHash) } catch {
            if case .saturated(let seconds) = error { return .busy(retryAfterSeconds: seconds) }
            throw error
        }
        guard let account, case .match(let upgradedHash) = verification else {
            if case .lockedOut(let seconds) = try throttle.recordFailure(account: key, ip: ip) { return .lockedOut(retryAfterSeconds: seconds) }
            return .failed
        }
        do {
            guard try libraries.isMemberStillValid(library: account.libraryID, memberReference: account.membershipReference) else {
                return .membershipExpired
            }
        } catch {
            return .libraryUnavailable
        }
        try throttle.recordSuccess(account: key)
        if let upgradedHash { try patrons.updatePasswordHash(mylibraryID: account.mylibraryID, to: upgradedHash) }
        let now = clock.now()
        try patrons.updateLastLogin(mylibraryID: account.mylibraryID, at: now)
        var updated = account
        updated.lastLoginAt = now
        if let upgradedHash { updated.passwordHash = upgradedHash }
        return .success(updated)
    }
}
