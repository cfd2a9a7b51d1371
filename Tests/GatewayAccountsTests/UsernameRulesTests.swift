import GatewayAccounts
import Testing

@Suite struct UsernameRulesTests {
    @Test(arguments: [
        ("Jan", "jan"), ("JAN", "jan"), ("ｊａｎ", "jan"), ("ＪＡＮ", "jan"), ("  Jan\n", "jan"),
        ("Marieke.de-Vries", "marieke.de-vries"), ("ﬁets_2024", "fiets_2024"), ("Ｊａｎ１２", "jan12"),
        ("Zoë", "zoë"), ("Zoe\u{0308}", "zoë"), ("ÇAĞLAR", "çağlar"), ("Ἀθηνᾶ", "ἀθηνᾶ"),
    ])
    func normalisationFoldsCaseWidthAndComposition(input: String, expected: String) {
        #expect(UsernameRules.normalize(input) == expected)
    }

    @Test(arguments: [
        "jan", "Jan", "j.a", "marieke.de-vries", "piet_2", "Zoë", "Ἀθηνᾶ", "김민준", "मनोज", "ｊａｎ",
        "a23", String(repeating: "x", count: 32),
    ])
    func acceptedUsernames(input: String) throws {
        let username = try UsernameRules.validate(input)
        #expect(username.normalized == UsernameRules.normalize(input))
    }

    private static let refused: [(String, UsernameProblem)] = [
        ("", .tooShort(minimum: 3)),
        ("  ", .tooShort(minimum: 3)),
        ("ja", .tooShort(minimum: 3)),
        (String(repeating: "x", count: 33), .tooLong(maximum: 32)),
        (String(repeating: "x", count: 5000), .tooLong(maximum: 32)),
        ("jan jansen", .invalidCharacter),
        ("jan@example.org", .invalidCharacter),
        ("jan+1", .invalidCharacter),
        ("jan😀", .invalidCharacter),
        ("ja\u{200D}n", .invalidCharacter),
        ("jan\u{0000}", .invalidCharacter),
        ("<script>", .invalidCharacter),
        (".jan", .punctuationAtEdge),
        ("jan-", .punctuationAtEdge),
        ("_jan_", .punctuationAtEdge),
        ("...", .punctuationAtEdge),
    ]

    @Test(arguments: refused)
    func refusedUsernames(input: String, problem: UsernameProblem) {
        #expect(throws: problem) { try UsernameRules.validate(input) }
    }

    @Test func displayFormKeepsTheChosenCaseButTrimsAndMapsWidth() throws {
        let username = try UsernameRules.validate("  Marieke.de-Vries ")
        #expect(username.display == "Marieke.de-Vries")
        #expect(username.normalized == "marieke.de-vries")
        #expect(try UsernameRules.validate("Ｊａｎ").display == "Jan")
    }

    @Test func lengthCountsCharactersOfTheNormalForm() throws {
        // Three characters with combining marks are three characters, not six scalars.
        _ = try UsernameRules.validate("e\u{0301}e\u{0301}e\u{0301}")
        // A ligature expands under NFKC: "ﬃ" is three letters.
        #expect(try UsernameRules.validate("ﬃ").normalized == "ffi")
    }

    @Test func problemDescriptionsDoNotEchoTheInput() {
        let input = "jan@secret-mail.example"
        let error = #expect(throws: UsernameProblem.self) { try UsernameRules.validate(input) }
        #expect(error.map { !"\($0)".contains("secret") } == true)
    }
}
