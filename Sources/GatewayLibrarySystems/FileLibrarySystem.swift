internal import Foundation
public import GatewayAccounts
public import GatewayCore
import GatewayCrypto

/// A `LibrarySystem` over an export file (`MemberExport` documents the format): the demo
/// system of `make run` and the one tests use. Read once at start; never unavailable.
///
/// A secret is checked with Argon2id also when the library or card number is unknown
/// (against a dummy hash of the same cost), so the answer takes about as long either way
/// and the timing does not reveal which card numbers exist. An expired membership is
/// reported only after its secret was right. Expiry is decided by the calendar date in
/// the libraries' time zone.
public final class FileLibrarySystem: LibrarySystem {
    private struct CardKey: Hashable {
        let library: String
        let cardNumber: String
    }

    private struct ReferenceKey: Hashable {
        let library: String
        let reference: String
    }

    private let libraryList: [Library]
    private let byCard: [CardKey: MemberExport.Member]
    private let byReference: [ReferenceKey: MemberExport.Member]
    private let dummyHash: String
    private let clock: any Clock
    private let timeZone: TimeZone

    /// Reads the export file at `path`.
    /// - Parameter timeZoneIdentifier: where a membership's last day ends.
    /// - Throws: `LibrarySystemSetupError` naming the file or the offending field.
    public convenience init(
        path: String, clock: any Clock = SystemClock(), timeZoneIdentifier: String = "Europe/Amsterdam"
    ) throws(LibrarySystemSetupError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadableFile(path: path) }
        try self.init(json: Array(data), clock: clock, timeZoneIdentifier: timeZoneIdentifier)
    }

    /// Reads an export from its bytes.
    /// - Throws: `LibrarySystemSetupError` naming the offending field.
    public init(
        json: [UInt8], clock: any Clock = SystemClock(), timeZoneIdentifier: String = "Europe/Amsterdam"
    ) throws(LibrarySystemSetupError) {
        guard let timeZone = TimeZone(identifier: timeZoneIdentifier) else {
            throw .invalid(field: "time_zone", reason: "is not a known time zone")
        }
        let export = try MemberExport(json: json)
        libraryList = export.libraries
        byCard = Dictionary(export.members.map { (CardKey(library: $0.library, cardNumber: $0.cardNumber), $0) },
                            uniquingKeysWith: { first, _ in first })
        byReference = Dictionary(export.members.map { (ReferenceKey(library: $0.library, reference: $0.reference), $0) },
                                 uniquingKeysWith: { first, _ in first })
        dummyHash = try Self.dummyHash(matching: export.members.first?.secretHash)
        self.clock = clock
        self.timeZone = timeZone
    }

    /// The libraries in file order.
    public func libraries() -> [Library] { libraryList }

    /// Checks the secret against the member's hash, or a dummy one for an unknown card.
    public func verifyMembership(library: String, cardNumber: String, secret: String) throws(LibrarySystemError)
        -> MembershipCheck {
        let key = CardKey(library: library, cardNumber: MemberExport.normalizeCardNumber(cardNumber))
        let member = byCard[key]
        let matches: Bool
        do {
            matches = try Argon2id(parameters: .owaspMinimum).verify(password: secret, encoded: member?.secretHash ?? dummyHash)
        } catch {
            throw .unavailable(reason: "secret verification failed: \(error)")
        }
        guard let member, matches else { return .invalid }
        if isExpired(member) { return .expired }
        return .valid(memberReference: member.reference, validUntil: member.validUntil)
    }

    /// True when the member exists and its last valid day has not passed.
    public func isMemberStillValid(library: String, memberReference: String) -> Bool {
        guard let member = byReference[ReferenceKey(library: library, reference: memberReference)] else { return false }
        return !isExpired(member)
    }

    private func isExpired(_ member: MemberExport.Member) -> Bool {
        guard let validUntil = member.validUntil else { return false }
        return validUntil < today()
    }

    private func today() -> CalendarDate {
        let now = clock.now()
        let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: now.secondsSinceEpoch))
        return CalendarDate(containing: now, utcOffsetSeconds: offset)
    }

    /// A PHC string with the cost parameters of the file's hashes and a fixed salt and
    /// digest that no secret produces: verifying against it costs a full hash, like a
    /// member's. Built without hashing, so start-up does not allocate Argon2 memory.
    private static func dummyHash(matching sample: String?) throws(LibrarySystemSetupError) -> String {
        let parameters = sample.flatMap(Argon2Parameters.init(argon2idPHC:)) ?? .owaspMinimum
        return "$argon2id$v=19$m=\(parameters.memoryKiB),t=\(parameters.iterations),p=\(parameters.parallelism)"
            + "$bGlicmFyeWR1bW15c2FsdA$3zZL2m4Yz1cT7Qm1yXvSxQyq9Tg8m0Jw4lN0vT2bq6E"
    }
}
