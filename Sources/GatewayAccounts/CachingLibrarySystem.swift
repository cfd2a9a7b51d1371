public import GatewayCore
internal import Synchronization

/// Remembers positive answers of another `LibrarySystem` for a while, so the membership
/// re-check at every login does not call the library system each time.
///
/// Only "still valid" is cached: a membership that ended, or one renewed after it ended,
/// is seen at once. A verification is never cached (it carries the secret), but a valid
/// one counts as a fresh "still valid". The library list is cached too. When the library
/// system is unavailable and nothing fresh is cached, the error passes through: login
/// fails closed.
public final class CachingLibrarySystem: LibrarySystem {
    private struct MemberKey: Hashable {
        let library: String
        let reference: String
    }

    private struct State {
        var validUntil: [MemberKey: Double] = [:]
        var libraries: (list: [Library], until: Double)?
    }

    private let wrapped: any LibrarySystem
    private let clock: any Clock
    private let membershipTTL: Double
    private let librariesTTL: Double
    private let maximumEntries: Int
    private let state = Mutex(State())

    /// Wraps `wrapped`.
    /// - Parameters:
    ///   - membershipTTL: seconds a "still valid" answer is reused.
    ///   - librariesTTL: seconds the library list is reused.
    ///   - maximumEntries: memberships remembered at most; beyond it expired entries are
    ///     dropped, and if that is not enough, all of them.
    public init(
        wrapping wrapped: any LibrarySystem, clock: any Clock, membershipTTL: Double, librariesTTL: Double = 300,
        maximumEntries: Int = 100_000
    ) {
        self.wrapped = wrapped
        self.clock = clock
        self.membershipTTL = membershipTTL
        self.librariesTTL = librariesTTL
        self.maximumEntries = max(1, maximumEntries)
    }

    /// The wrapped system's list, reused for `librariesTTL` seconds.
    public func libraries() throws(LibrarySystemError) -> [Library] {
        let now = clock.now().secondsSinceEpoch
        if let cached = state.withLock({ $0.libraries }), now < cached.until { return cached.list }
        let list = try wrapped.libraries()
        state.withLock { $0.libraries = (list, now + librariesTTL) }
        return list
    }

    /// Always asks the wrapped system; a valid membership is remembered as still valid.
    public func verifyMembership(library: String, cardNumber: String, secret: String) throws(LibrarySystemError)
        -> MembershipCheck {
        let check = try wrapped.verifyMembership(library: library, cardNumber: cardNumber, secret: secret)
        if case .valid(let reference, _) = check { remember(MemberKey(library: library, reference: reference)) }
        return check
    }

    /// A remembered "valid" younger than `membershipTTL`, or the wrapped system's answer.
    public func isMemberStillValid(library: String, memberReference: String) throws(LibrarySystemError) -> Bool {
        let key = MemberKey(library: library, reference: memberReference)
        let now = clock.now().secondsSinceEpoch
        if let until = state.withLock({ $0.validUntil[key] }), now < until { return true }
        let valid = try wrapped.isMemberStillValid(library: library, memberReference: memberReference)
        if valid {
            remember(key)
        } else {
            _ = state.withLock { $0.validUntil.removeValue(forKey: key) }
        }
        return valid
    }

    private func remember(_ key: MemberKey) {
        let now = clock.now().secondsSinceEpoch
        state.withLock { state in
            if state.validUntil.count >= maximumEntries {
                state.validUntil = state.validUntil.filter { $0.value > now }
                if state.validUntil.count >= maximumEntries { state.validUntil.removeAll() }
            }
            state.validUntil[key] = now + membershipTTL
        }
    }
}
