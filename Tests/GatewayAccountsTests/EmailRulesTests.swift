import GatewayAccounts
import Testing

@Suite struct EmailRulesTests {
    @Test(arguments: [
        ("Jan@Example.org", "jan@example.org"), ("  JAN.JANSEN@EXAMPLE.ORG \n", "jan.jansen@example.org"),
        ("Zoe\u{0308}@example.nl", "zoë@example.nl"),
    ])
    func normalisationLowercasesAndTrims(input: String, expected: String) {
        #expect(EmailRules.normalize(input) == expected)
    }

    @Test(arguments: [
        "jan@example.org", "Jan.Jansen@Example.ORG", "jan+bibliotheek@example.org", "j@e.nl",
        "o'brien@example.ie", "jan_jansen-1@mail.example.co.uk", "zoë@bücherei.example", "user@xn--bcherei-9za.de",
        "a!#$%&*/=?^`{|}~@example.org",
    ])
    func acceptedAddresses(input: String) throws {
        let address = try EmailRules.validate(input)
        #expect(address.normalized == EmailRules.normalize(input))
        #expect(address.display == input)
    }

    private static let refused: [(String, EmailProblem)] = [
        ("", .empty),
        ("   ", .empty),
        ("jan.example.org", .missingAtSign),
        ("@example.org", .invalidLocalPart),
        ("jan jansen@example.org", .invalidLocalPart),
        ("jan@jansen@example.org", .invalidLocalPart),
        ("\"jan\"@example.org", .invalidLocalPart),
        ("<jan>@example.org", .invalidLocalPart),
        ("jan\u{0000}@example.org", .invalidLocalPart),
        (String(repeating: "j", count: 65) + "@example.org", .invalidLocalPart),
        ("jan@", .invalidDomain),
        ("jan@localhost", .invalidDomain),
        ("jan@example", .invalidDomain),
        ("jan@example..org", .invalidDomain),
        ("jan@.example.org", .invalidDomain),
        ("jan@example.org.", .invalidDomain),
        ("jan@-example.org", .invalidDomain),
        ("jan@exam_ple.org", .invalidDomain),
        ("jan@[192.0.2.1]", .invalidDomain),
        ("jan@example.org\r\nBcc: x@example.org", .invalidLocalPart),
        ("jan@" + String(repeating: "a", count: 64) + ".org", .invalidDomain),
        ("jan@" + String(repeating: "abcdefghi.", count: 25) + "org", .tooLong(maximum: 254)),
    ]

    @Test(arguments: refused)
    func refusedAddresses(input: String, problem: EmailProblem) {
        #expect(throws: problem) { try EmailRules.validate(input) }
    }

    @Test func longestAllowedAddressIsAccepted() throws {
        let domain = String(repeating: "abcdefghi.", count: 24) + "example.org"  // 254 bytes with "ab@"
        let address = "ab@" + domain
        #expect(address.utf8.count <= 254)
        _ = try EmailRules.validate(address)
    }

    @Test func problemDescriptionsDoNotEchoTheInput() {
        let error = #expect(throws: EmailProblem.self) { try EmailRules.validate("secret-person@localhost") }
        #expect(error.map { !"\($0)".contains("secret") } == true)
    }
}
