import Foundation
import GatewayAccounts
import GatewayLibrarySystems
import Testing

@Suite struct LibrarySystemFileTests {
    private static let members = [
        LibrarySystemTestExport.Member(card: "20001000000001", reference: "N100001", secret: "1234"),
        LibrarySystemTestExport.Member(card: "20001000000003", reference: "N100003", secret: "1357", validUntil: "2026-06-30"),
        LibrarySystemTestExport.Member(library: "bibliotheek-zuid", card: "20002000000002", reference: "Z200002",
                                       secret: "8642", validUntil: nil),
    ]
    // Hashing takes ~35 ms a secret: once for the whole suite.
    private static let export = Result { try LibrarySystemTestExport.json(members: members) }

    private func system(at utc: String = "2026-01-15T10:00:00Z") throws -> FileLibrarySystem {
        try FileLibrarySystem(json: try Self.export.get(), clock: LibrarySystemTestClock(utc: utc))
    }

    @Test func listsTheLibrariesInFileOrder() throws {
        #expect(try system().libraries() == [
            Library(id: "bibliotheek-noord", displayName: "Bibliotheek Noord"),
            Library(id: "bibliotheek-zuid", displayName: "Bibliotheek Zuid"),
        ])
    }

    @Test func rightSecretProvesTheMembership() throws {
        let check = try system().verifyMembership(library: "bibliotheek-noord", cardNumber: "20001000000001", secret: "1234")
        #expect(check == .valid(memberReference: "N100001", validUntil: CalendarDate(year: 2035, month: 12, day: 31)))
    }

    @Test func spacesInTheCardNumberAreIgnored() throws {
        let check = try system().verifyMembership(library: "bibliotheek-noord", cardNumber: " 2000 1000 0000 01 ",
                                                  secret: "1234")
        #expect(check == .valid(memberReference: "N100001", validUntil: CalendarDate(year: 2035, month: 12, day: 31)))
    }

    @Test func membershipWithoutEndDateIsValid() throws {
        let check = try system().verifyMembership(library: "bibliotheek-zuid", cardNumber: "20002000000002", secret: "8642")
        #expect(check == .valid(memberReference: "Z200002", validUntil: nil))
    }

    @Test(arguments: [
        ("bibliotheek-noord", "20001000000001", "4321"),  // wrong secret
        ("bibliotheek-noord", "20001000000001", ""),
        ("bibliotheek-noord", "29999999999999", "1234"),  // unknown card
        ("bibliotheek-zuid", "20001000000001", "1234"),  // card of another library
        ("bibliotheek-west", "20001000000001", "1234"),  // unknown library
        ("bibliotheek-noord", "20001000000003", "9999"),  // expired, and the secret is wrong too
    ])
    func anythingButTheRightSecretIsInvalid(library: String, card: String, secret: String) throws {
        #expect(try system(at: "2026-08-01T10:00:00Z").verifyMembership(library: library, cardNumber: card, secret: secret)
            == .invalid)
    }

    @Test func expiredMembershipIsReportedOnlyWithTheRightSecret() throws {
        let check = try system(at: "2026-08-01T10:00:00Z")
            .verifyMembership(library: "bibliotheek-noord", cardNumber: "20001000000003", secret: "1357")
        #expect(check == .expired)
    }

    @Test func lastValidDayEndsAtMidnightInAmsterdam() throws {
        // 2026-06-30 is the last valid day; Amsterdam is UTC+2 in summer.
        let lastEvening = try system(at: "2026-06-30T21:59:59Z")
        let nextMorning = try system(at: "2026-06-30T22:00:00Z")
        #expect(lastEvening.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100003"))
        #expect(!nextMorning.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100003"))
    }

    @Test func stillValidAnswersPerMemberReference() throws {
        let system = try system(at: "2026-08-01T10:00:00Z")
        #expect(system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001"))
        #expect(system.isMemberStillValid(library: "bibliotheek-zuid", memberReference: "Z200002"))
        #expect(!system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100003"))
        #expect(!system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N999999"))
        #expect(!system.isMemberStillValid(library: "bibliotheek-zuid", memberReference: "N100001"))
    }

    @Test(arguments: [
        (#"{"libraries": [], "members": [}"#, "(file)"),
        (#"{"members": []}"#, "libraries"),
        (#"{"libraries": [{"id": "a", "name": "A"}, {"id": "a", "name": "B"}], "members": []}"#, "libraries[1].id"),
        (#"{"libraries": [{"id": "a"}], "members": []}"#, "libraries[0].name"),
        (#"{"libraries": [{"id": "a", "name": "A"}], "members": [{"library": "b", "card_number": "1", "#
            + #""member_reference": "r", "secret_hash": "x", "valid_until": null}]}"#, "members[0].library"),
        (#"{"libraries": [{"id": "a", "name": "A"}], "members": [{"library": "a", "card_number": "1", "#
            + #""member_reference": "r", "secret_hash": "1234", "valid_until": null}]}"#, "members[0].secret_hash"),
        (#"{"libraries": [{"id": "a", "name": "A"}], "members": [{"library": "a", "card_number": "1", "#
            + #""member_reference": "r", "secret_hash": "$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHQ$aGFzaA", "#
            + #""valid_until": null}]}"#, "members[0].secret_hash"),
        (#"{"libraries": [{"id": "a", "name": "A"}], "members": [{"library": "a", "card_number": 1}]}"#,
         "members[0].card_number"),
    ])
    func malformedExportIsRefusedNamingTheField(json: String, field: String) {
        let error = #expect(throws: LibrarySystemSetupError.self) { try FileLibrarySystem(json: Array(json.utf8)) }
        guard case .invalid(let reported, _) = error else {
            Issue.record("expected .invalid, got \(String(describing: error))")
            return
        }
        #expect(reported == field)
    }

    @Test func missingFileIsNamed() {
        #expect(throws: LibrarySystemSetupError.unreadableFile(path: "/nonexistent/members.json")) {
            try FileLibrarySystem(path: "/nonexistent/members.json")
        }
    }

    @Test func everyDocumentedDemoMemberVerifies() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("LibrarySystems")
        let system = try FileLibrarySystem(path: folder.appendingPathComponent("demo-members.json").path,
                                           clock: LibrarySystemTestClock(utc: "2026-01-15T10:00:00Z"))
        #expect(system.libraries().map(\.id) == ["bibliotheek-noord", "bibliotheek-zuid", "bibliotheek-oost"])
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = readme.split(separator: "\n").filter { $0.hasPrefix("| bibliotheek-") }
        #expect(rows.count == 8)
        for row in rows {
            let cells = row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let check = try system.verifyMembership(library: cells[0], cardNumber: cells[1], secret: cells[2])
            if cells[4].contains("expired") {
                #expect(check == .expired, "\(cells[1])")
            } else {
                #expect(check == .valid(memberReference: cells[3], validUntil: CalendarDate(iso8601: cells[4])), "\(cells[1])")
            }
        }
    }
}
