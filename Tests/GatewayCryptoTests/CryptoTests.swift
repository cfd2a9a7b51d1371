import Foundation
import GatewayCore
import GatewayCrypto
import Synchronization
import Testing

private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

@Test func sha256MatchesFIPS180Vectors() {
    #expect(hex(SHA256.digest("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(hex(SHA256.digest("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
}

@Test func secureRandomGivesDistinctBytesOfTheRequestedLength() {
    let random = SecureRandom()
    #expect(random.bytes(32).count == 32)
    #expect(random.bytes(32) != random.bytes(32))
    #expect(random.hex(16).count == 32)
}

/// Small draws come from a per-thread reserve of DRBG output: across many refills no draw
/// repeats, the bytes are not the zeros the reserve leaves behind, and every byte value
/// turns up about as often as chance says (64 KiB: 256 expected per value).
@Test func secureRandomReserveNeverRepeatsAndLooksUniform() {
    let random = SecureRandom()
    var seen = Set<[UInt8]>()
    var counts = [Int](repeating: 0, count: 256)
    for size in [1, 7, 16, 32, 64, 65, 300] { #expect(random.bytes(size).count == size) }
    for _ in 0..<4096 {
        let draw = random.bytes(16)
        seen.insert(draw)
        for byte in draw { counts[Int(byte)] += 1 }
    }
    #expect(seen.count == 4096)
    // Each count is Binomial(65536, 1/256): mean 256, sd 16; [160, 360] is beyond 6 sd.
    #expect(counts.allSatisfy { (160...360).contains($0) }, "byte value counts out of range: min \(counts.min()!) max \(counts.max()!)")
}

/// Each thread draws from its own reserve; no two threads ever get the same bytes.
@Test func secureRandomThreadsNeverShareBytes() {
    let draws = Mutex<[[UInt8]]>([])
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
        let random = SecureRandom()
        let mine = (0..<2000).map { _ in random.bytes(16) }
        draws.withLock { $0 += mine }
    }
    #expect(Set(draws.withLock { $0 }).count == 4 * 2000)
}

@Test func argon2idRoundTripsAPHCStringAndRejectsAWrongPassword() throws {
    let hasher = Argon2id(parameters: .owaspMinimum)
    let phc = try hasher.hash(password: "correct horse ✓")
    #expect(phc.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
    #expect(try hasher.verify(password: "correct horse ✓", encoded: phc))
    #expect(try !hasher.verify(password: "correct horse", encoded: phc))
    #expect(!hasher.needsRehash(phc))
    let stronger = Argon2id(parameters: Argon2Parameters(memoryKiB: 32_768, iterations: 2, parallelism: 1))
    #expect(stronger.needsRehash(phc))
}

@Test func argon2idRefusesAMalformedHash() {
    #expect(throws: Argon2Error.self) { try Argon2id(parameters: .owaspMinimum).verify(password: "x", encoded: "$argon2id$garbage") }
}

@Test(arguments: [
    (Argon2Parameters(memoryKiB: 1024, iterations: 2, parallelism: 1), "memory_kib", "must be at least 19456 (19 MiB)"),
    (Argon2Parameters(memoryKiB: 19_456, iterations: 1, parallelism: 1), "iterations", "must be at least 2"),
    (Argon2Parameters(memoryKiB: 19_456, iterations: 2, parallelism: 0), "parallelism", "must be between 1 and 16"),
])
func argon2ParametersBelowTheOWASPFloorAreRefused(parameters: Argon2Parameters, parameter: String, reason: String) {
    #expect(parameters.problem?.parameter == parameter)
    #expect(parameters.problem?.reason == reason)
    #expect(Argon2Parameters.owaspMinimum.problem == nil)
}

@Test func hmacSHA256MatchesRFC4231TestCase2() {
    let mac = HMACSHA256.mac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
    #expect(hex(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
}
