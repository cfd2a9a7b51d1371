import Dispatch
import Foundation
import GatewayCrypto
import Synchronization

/// Forwards to a real hasher and remembers which encoded hashes it verified against.
final class PasswordRecordingHasher: PasswordHashingPool.Hasher {
    private let real: Argon2id
    private let log = Mutex<[String]>([])

    init(wrapping real: Argon2id) { self.real = real }

    var parameters: Argon2Parameters { real.parameters }
    var verified: [String] { log.withLock { $0 } }

    func hash(password: String) throws(Argon2Error) -> String { try real.hash(password: password) }

    func verify(password: String, encoded: String) throws(Argon2Error) -> Bool {
        log.withLock { $0.append(encoded) }
        return try real.verify(password: password, encoded: encoded)
    }

    func needsRehash(_ encoded: String) -> Bool { real.needsRehash(encoded) }
}

/// A hasher whose calls block until the test opens its gate, so a test can hold slots
/// busy for as long as it needs; answers "hash" and true.
final class PasswordGatedHasher: PasswordHashingPool.Hasher {
    private let gate = DispatchSemaphore(value: 0)
    private let isOpen = Atomic<Bool>(false)
    private let count = Atomic<Int>(0)

    var parameters: Argon2Parameters { .owaspMinimum }
    var calls: Int { count.load(ordering: .relaxed) }

    /// Releases every blocked call and lets later ones through.
    func open() {
        isOpen.store(true, ordering: .relaxed)
        for _ in 0..<16 { gate.signal() }
    }

    func hash(password: String) throws(Argon2Error) -> String {
        pass()
        return "hash"
    }

    func verify(password: String, encoded: String) throws(Argon2Error) -> Bool {
        pass()
        return true
    }

    func needsRehash(_ encoded: String) -> Bool { false }

    private func pass() {
        count.add(1, ordering: .relaxed)
        if !isOpen.load(ordering: .relaxed) { gate.wait() }
    }
}

/// Callers on their own threads (like HTTP workers), with their results collected.
final class PasswordPoolCallers: Sendable {
    private let group = DispatchGroup()
    private let results = Mutex<[String]>([])

    func start(_ count: Int, _ body: @escaping @Sendable () throws -> String) {
        for _ in 0..<count {
            DispatchQueue.global().async(group: group) {
                let result = (try? body()) ?? "refused"
                self.results.withLock { $0.append(result) }
            }
        }
    }

    /// Waits for every caller (at most 10 s) and returns their results.
    func finish() -> [String] {
        _ = group.wait(timeout: .now() + 10)
        return results.withLock { $0 }
    }
}

/// Polls `condition` until it holds (at most 5 s): for waiting on other threads, not for
/// measuring time.
func passwordEventually(_ condition: () -> Bool) -> Bool {
    for _ in 0..<5_000 {
        if condition() { return true }
        usleep(1_000)
    }
    return condition()
}
