internal import Foundation
import GatewayAccounts
import GatewayCrypto

/// The export file a library system produces for `FileLibrarySystem`, validated:
///
/// ```json
/// { "libraries": [{ "id": "bibliotheek-noord", "name": "Bibliotheek Noord" }],
///   "members": [{ "library": "bibliotheek-noord", "card_number": "20001000000001",
///                 "member_reference": "N100001", "valid_until": "2035-12-31",
///                 "secret_hash": "$argon2id$v=19$m=19456,t=2,p=1$...$..." }] }
/// ```
/// Secrets are Argon2id PHC strings, at least OWASP's minimum cost; `valid_until` is the
/// last valid day, or null for no end. Card numbers are compared without white space.
struct MemberExport {
    /// One membership.
    struct Member {
        let library: String
        let cardNumber: String
        let reference: String
        let secretHash: String
        let validUntil: CalendarDate?
    }

    private struct File: Decodable {
        let libraries: [LibraryEntry]
        let members: [MemberEntry]
    }

    private struct LibraryEntry: Decodable {
        let id: String
        let name: String
    }

    private struct MemberEntry: Decodable {
        let library: String
        let cardNumber: String
        let memberReference: String
        let secretHash: String
        let validUntil: String?

        enum CodingKeys: String, CodingKey {
            case library, cardNumber = "card_number", memberReference = "member_reference"
            case secretHash = "secret_hash", validUntil = "valid_until"
        }
    }

    let libraries: [Library]
    let members: [Member]

    /// Parses and validates the file's bytes.
    init(json: [UInt8]) throws(LibrarySystemSetupError) {
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(json))
        } catch let error as DecodingError {
            throw Self.describe(error)
        } catch {
            throw .invalid(field: "(file)", reason: "not valid JSON")
        }
        libraries = try Self.validate(file.libraries)
        let known = Set(libraries.map(\.id))
        members = try file.members.enumerated().map { index, entry throws(LibrarySystemSetupError) in
            try Self.member(entry, field: "members[\(index)]", knownLibraries: known)
        }
        try Self.checkUnique(members)
    }

    /// A card number without the spaces people type into it.
    static func normalizeCardNumber(_ cardNumber: String) -> String {
        String(cardNumber.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    private static func validate(_ entries: [LibraryEntry]) throws(LibrarySystemSetupError) -> [Library] {
        var seen = Set<String>()
        for (index, entry) in entries.enumerated() {
            if entry.id.isEmpty { throw .invalid(field: "libraries[\(index)].id", reason: "must not be empty") }
            if entry.name.isEmpty { throw .invalid(field: "libraries[\(index)].name", reason: "must not be empty") }
            if !seen.insert(entry.id).inserted { throw .invalid(field: "libraries[\(index)].id", reason: "appears twice") }
        }
        return entries.map { Library(id: $0.id, displayName: $0.name) }
    }

    private static func member(
        _ entry: MemberEntry, field: String, knownLibraries: Set<String>
    ) throws(LibrarySystemSetupError) -> Member {
        guard knownLibraries.contains(entry.library) else {
            throw .invalid(field: "\(field).library", reason: "is not one of the listed libraries")
        }
        let card = normalizeCardNumber(entry.cardNumber)
        if card.isEmpty { throw .invalid(field: "\(field).card_number", reason: "must not be empty") }
        if entry.memberReference.isEmpty { throw .invalid(field: "\(field).member_reference", reason: "must not be empty") }
        guard let parameters = Argon2Parameters(argon2idPHC: entry.secretHash) else {
            throw .invalid(field: "\(field).secret_hash", reason: "must be an Argon2id PHC string ($argon2id$v=19$...)")
        }
        if let problem = parameters.problem {
            throw .invalid(field: "\(field).secret_hash", reason: "\(problem.parameter) \(problem.reason)")
        }
        var validUntil: CalendarDate?
        if let text = entry.validUntil {
            guard let date = CalendarDate(iso8601: text) else {
                throw .invalid(field: "\(field).valid_until", reason: "must be a date YYYY-MM-DD or null")
            }
            validUntil = date
        }
        return Member(library: entry.library, cardNumber: card, reference: entry.memberReference,
                      secretHash: entry.secretHash, validUntil: validUntil)
    }

    private static func checkUnique(_ members: [Member]) throws(LibrarySystemSetupError) {
        var cards = Set<[String]>()
        var references = Set<[String]>()
        for (index, member) in members.enumerated() {
            if !cards.insert([member.library, member.cardNumber]).inserted {
                throw .invalid(field: "members[\(index)].card_number", reason: "appears twice for the same library")
            }
            if !references.insert([member.library, member.reference]).inserted {
                throw .invalid(field: "members[\(index)].member_reference", reason: "appears twice for the same library")
            }
        }
    }

    /// Names the field a decoding error is about (`members[3].card_number`).
    private static func describe(_ error: DecodingError) -> LibrarySystemSetupError {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.reduce("") { text, key in
                key.intValue.map { "\(text)[\($0)]" } ?? (text.isEmpty ? key.stringValue : "\(text).\(key.stringValue)")
            }
            return text.isEmpty ? "(file)" : text
        }
        switch error {
        case .keyNotFound(let key, let context):
            return .invalid(field: path(context.codingPath + [key]), reason: "is missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return .invalid(field: path(context.codingPath), reason: "has the wrong type")
        case .dataCorrupted(let context):
            return .invalid(field: path(context.codingPath), reason: "is not valid JSON")
        @unknown default:
            return .invalid(field: "(file)", reason: "cannot be decoded")
        }
    }
}
