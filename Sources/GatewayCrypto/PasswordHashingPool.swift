internal import Dispatch
internal import Foundation
import Synchronization

/// Runs Argon2id hashing and verification on a bounded number of concurrent slots, so a
/// login storm cannot take every request thread and starve requests that do not hash
/// (tokens, JWKS, health).
///
/// The pool owns no threads: work runs on the caller's thread once it holds a slot. A
/// caller that finds every slot busy joins a wait queue of at most `maxWaiting` callers
/// and waits at most `maxWaitSeconds`; otherwise it is refused at once with
/// `.saturated`, which the HTTP layer answers with 503 and `Retry-After`. At most
/// `slots + maxWaiting` request threads are ever inside the pool, so the HTTP thread
/// pool must be larger than that.
///
/// Passwords are NFKC-normalised before hashing and verifying (NIST SP 800-63B §5.1.1.2),
/// so registration and login agree whichever Unicode form a browser sends.
public final class PasswordHashingPool: Sendable {
    /// Hashes that may run at the same time.
    public let slots: Int
    /// Callers that may wait for a slot; anyone beyond them is refused immediately.
    public let maxWaiting: Int
    /// The longest a queued caller waits for a slot before it is refused.
    public let maxWaitSeconds: Double
    /// The `Retry-After` a refused caller is given.
    public let retryAfterSeconds: Int
    private let hasher: any Hasher
    private let freeSlots: DispatchSemaphore
    private let waiting = Atomic<Int>(0)
    private let busy = Atomic<Int>(0)
    private let dummyHash: String

    /// A pool running `hasher` on `slots` concurrent slots (default: one per core), with a
    /// queue of `maxWaiting` callers (default: half the slots, at least one) who wait at
    /// most `maxWaitSeconds`.
    public init(
        hasher: any Hasher, slots: Int = PasswordHashingPool.defaultSlots, maxWaiting: Int? = nil,
        maxWaitSeconds: Double = 0.05, retryAfterSeconds: Int = 1
    ) {
        precondition(slots > 0, "PasswordHashingPool needs at least one slot")
        precondition(maxWaitSeconds >= 0 && retryAfterSeconds > 0, "PasswordHashingPool bounds must be positive")
        self.hasher = hasher
        self.slots = slots
        self.maxWaiting = max(0, maxWaiting ?? max(1, slots / 2))
        self.maxWaitSeconds = maxWaitSeconds
        self.retryAfterSeconds = retryAfterSeconds
        self.freeSlots = DispatchSemaphore(value: slots)
        self.dummyHash = Self.dummyHash(for: hasher.parameters)
    }

    /// One slot per active core.
    public static var defaultSlots: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Slots currently hashing (for metrics).
    public var busySlots: Int { busy.load(ordering: .relaxed) }

    /// Callers currently queued for a slot (for metrics).
    public var waitingCallers: Int { waiting.load(ordering: .relaxed) }

    /// The PHC string of the NFKC form of `password`, with the hasher's current parameters.
    /// - Throws: `.saturated` when no slot is free within the bound; `.hashingFailed` on a libargon2 failure.
    public func hash(password: String) throws(PasswordHashingPoolError) -> String {
        try withSlot { () throws(PasswordHashingPoolError) -> String in
            try Self.argon2 { () throws(Argon2Error) in try hasher.hash(password: Self.normalized(password)) }
        }
    }

    /// Whether `password` matches the stored PHC string `encoded`; on a match made with
    /// outdated parameters, also a fresh hash to store in its place (transparent rehash).
    /// - Throws: `.saturated`; `.hashingFailed` when `encoded` is malformed.
    public func verify(password: String, encoded: String) throws(PasswordHashingPoolError) -> Verification {
        try withSlot { () throws(PasswordHashingPoolError) -> Verification in
            try verifyHoldingSlot(Self.normalized(password), encoded: encoded)
        }
    }

    /// `verify(password:encoded:)` when the account exists; when it does not (`encoded`
    /// is nil), a verification against a fixed dummy hash with the same parameters, so an
    /// unknown user and a wrong password cost the same time and always give `.mismatch`.
    public func verifyOrDummy(password: String, encoded: String?) throws(PasswordHashingPoolError) -> Verification {
        guard let encoded else {
            _ = try verify(password: password, encoded: dummyHash)
            return .mismatch
        }
        return try verify(password: password, encoded: encoded)
    }

    /// The NFKC form that is hashed and checked (NIST SP 800-63B §5.1.1.2).
    public static func normalized(_ password: String) -> String {
        password.precomposedStringWithCompatibilityMapping
    }

    private func verifyHoldingSlot(_ password: String, encoded: String) throws(PasswordHashingPoolError) -> Verification {
        let matches = try Self.argon2 { () throws(Argon2Error) in try hasher.verify(password: password, encoded: encoded) }
        guard matches else { return .mismatch }
        guard hasher.needsRehash(encoded) else { return .match(upgradedHash: nil) }
        let upgraded = try Self.argon2 { () throws(Argon2Error) in try hasher.hash(password: password) }
        return .match(upgradedHash: upgraded)
    }

    private func withSlot<Result>(
        _ body: () throws(PasswordHashingPoolError) -> Result
    ) throws(PasswordHashingPoolError) -> Result {
        try acquireSlot()
        busy.add(1, ordering: .relaxed)
        defer {
            busy.subtract(1, ordering: .relaxed)
            freeSlots.signal()
        }
        return try body()
    }

    private func acquireSlot() throws(PasswordHashingPoolError) {
        if freeSlots.wait(timeout: .now()) == .success { return }
        guard joinQueue() else { throw .saturated(retryAfterSeconds: retryAfterSeconds) }
        defer { waiting.subtract(1, ordering: .relaxed) }
        guard freeSlots.wait(timeout: .now() + maxWaitSeconds) == .success else {
            throw .saturated(retryAfterSeconds: retryAfterSeconds)
        }
    }

    /// Takes a place in the wait queue, or gives it back at once when the queue is full.
    private func joinQueue() -> Bool {
        guard maxWaiting > 0 else { return false }
        if waiting.add(1, ordering: .relaxed).newValue <= maxWaiting { return true }
        waiting.subtract(1, ordering: .relaxed)
        return false
    }

    private static func argon2<Result>(_ body: () throws(Argon2Error) -> Result) throws(PasswordHashingPoolError) -> Result {
        do {
            return try body()
        } catch {
            throw .hashingFailed(code: error.code)
        }
    }

    /// A well-formed Argon2id PHC string with `parameters` that no password matches; the
    /// salt and digest are fixed, so verifying against it costs exactly one real hash.
    private static func dummyHash(for parameters: Argon2Parameters) -> String {
        "$argon2id$v=19$m=\(parameters.memoryKiB),t=\(parameters.iterations),p=\(parameters.parallelism)"
            + "$Z2F0ZXdheWR1bW15c2FsdA$b340KScuUb+xEY6MFpyidXW1ijWsBjXmIRT+cD+alXk"
    }
}
