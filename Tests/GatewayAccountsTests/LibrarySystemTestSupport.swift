import Foundation
import GatewayAccounts
import GatewayCore
import GatewayCrypto
import Synchronization

/// A clock the test sets and advances by hand.
final class LibrarySystemTestClock: Clock {
    private let seconds: Mutex<Double>

    init(_ instant: Instant) { seconds = Mutex(instant.secondsSinceEpoch) }

    /// An ISO 8601 UTC time (`2026-01-15T10:00:00Z`) as the clock's reading.
    convenience init(utc text: String) { self.init(LibrarySystemTestClock.instant(utc: text)) }

    func now() -> Instant { Instant(secondsSinceEpoch: seconds.withLock { $0 }) }
    func monotonicSeconds() -> Double { seconds.withLock { $0 } }
    func advance(by delta: Double) { seconds.withLock { $0 += delta } }

    /// `YYYY-MM-DDTHH:MM:SSZ` as an instant.
    static func instant(utc text: String) -> Instant {
        let date = ISO8601DateFormatter().date(from: text)!
        return Instant(secondsSinceEpoch: date.timeIntervalSince1970)
    }
}

/// A library system whose answers the test sets, counting the calls that reach it.
final class LibrarySystemFake: LibrarySystem {
    struct Answers {
        var libraries = [Library(id: "bibliotheek-noord", displayName: "Bibliotheek Noord")]
        var check = MembershipCheck.valid(memberReference: "N100001", validUntil: nil)
        var stillValid = true
        var unavailable = false
    }

    let answers = Mutex(Answers())
    private let calls = Mutex<[String: Int]>([:])

    /// How many times `method` (`libraries`, `verify`, `stillValid`) was called.
    func callCount(_ method: String) -> Int { calls.withLock { $0[method, default: 0] } }

    func libraries() throws(LibrarySystemError) -> [Library] {
        try record("libraries")
        return answers.withLock { $0.libraries }
    }

    func verifyMembership(library: String, cardNumber: String, secret: String) throws(LibrarySystemError)
        -> MembershipCheck {
        try record("verify")
        return answers.withLock { $0.check }
    }

    func isMemberStillValid(library: String, memberReference: String) throws(LibrarySystemError) -> Bool {
        try record("stillValid")
        return answers.withLock { $0.stillValid }
    }

    private func record(_ method: String) throws(LibrarySystemError) {
        calls.withLock { $0[method, default: 0] += 1 }
        if answers.withLock({ $0.unavailable }) { throw .unavailable(reason: "fake is down") }
    }
}

/// Builds export files for `FileLibrarySystem` with freshly hashed secrets.
enum LibrarySystemTestExport {
    struct Member {
        var library = "bibliotheek-noord"
        var card: String
        var reference: String
        var secret: String
        var validUntil: String? = "2035-12-31"
    }

    /// The export's JSON with every secret hashed at OWASP's minimum cost.
    static func json(libraries: [(String, String)] = defaultLibraries, members: [Member]) throws -> [UInt8] {
        let hasher = Argon2id(parameters: .owaspMinimum)
        let libraryText = libraries.map { #"{"id": "\#($0.0)", "name": "\#($0.1)"}"# }.joined(separator: ", ")
        let memberText = try members.map { member in
            let until = member.validUntil.map { "\"\($0)\"" } ?? "null"
            return #"{"library": "\#(member.library)", "card_number": "\#(member.card)", "#
                + #""member_reference": "\#(member.reference)", "valid_until": \#(until), "#
                + #""secret_hash": "\#(try hasher.hash(password: member.secret))"}"#
        }.joined(separator: ", ")
        return Array(#"{"libraries": [\#(libraryText)], "members": [\#(memberText)]}"#.utf8)
    }

    static let defaultLibraries = [("bibliotheek-noord", "Bibliotheek Noord"), ("bibliotheek-zuid", "Bibliotheek Zuid")]
}
