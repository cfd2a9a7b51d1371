import Dispatch
import Foundation
import GatewayCrypto
import Synchronization
import Testing

/// Counts what the worker threads saw.
private final class Tally: Sendable {
    let verified = Atomic<Int>(0)
    let failed = Atomic<Int>(0)

    func record(verified ok: Bool) {
        if ok {
            verified.add(1, ordering: .relaxed)
        } else {
            failed.add(1, ordering: .relaxed)
        }
    }
}

@Test(arguments: SignatureAlgorithm.allCases)
func oneSigningKeyUsedByFourThreadsAtOnceMakesSignaturesThatAllVerify(algorithm: SignatureAlgorithm) {
    let key = GeneratedKeys.key(algorithm)
    let tally = Tally()
    let done = DispatchGroup()
    for thread in 0..<4 {
        done.enter()
        Thread {
            defer { done.leave() }
            for index in 0..<500 {
                let message = "thread \(thread) signature \(index)".bytes
                let signature = try? key.sign(message)
                tally.record(verified: signature.map { key.publicKey.verify(signature: $0, message: message) } == true)
            }
        }.start()
    }
    done.wait()
    #expect(tally.verified.load(ordering: .relaxed) == 2000)
    #expect(tally.failed.load(ordering: .relaxed) == 0)
}
