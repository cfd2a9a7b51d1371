import Dispatch
import Synchronization
import GatewayAccounts
import GatewayCrypto
import Testing

/// The registration password rules (NIST SP 800-63B §5.1.1.2) with the real cracklib
/// dictionary and our own list.
@Suite struct PasswordPolicyTests {
    static let policy = PasswordPolicy(checker: try! CommonPasswords())
    static let passphrase = "harbour lantern velvet marmalade orbit cactus whistle pebble 42x"
    static let longPassphrase = passphrase + "tulip anchor meadow copper violin saffron glacier 17 lighthouse q"
        + "walnut harvest prism ember canal juniper falcon 93 orchard velour" + "tundra mosaic clover 58 "
        + "quill beacon hazel ripple stanza opals"

    @Test func passphrasesBuiltForTheTableHaveTheLengthsTheyClaim() {
        #expect(Self.passphrase.unicodeScalars.count == 64)
        #expect(Self.longPassphrase.unicodeScalars.count == 256)
    }

    @Test(arguments: [
        ("Zq7#vL2", PasswordRejection.tooShort(minimum: 8)),
        (Self.longPassphrase + "!", .tooLong(maximum: 256)),
        ("📚🦉🌷🚲🧀🌊🎻", .tooShort(minimum: 8)),
        ("password1", .dictionaryWord),
        ("qwerty123", .dictionaryWord),
        ("Password123!", .commonPassword),
        ("Welkom01!", .commonPassword),
        ("Bibliotheek1", .commonPassword),
        ("P@ssw0rd2024!", .commonPassword),
        ("wachtwoord", .commonPassword),
        ("12345678", .tooSimple),
        ("aaaaaaaaaaaa", .tooSimple),
    ])
    func refusedPasswords(password: String, rejection: PasswordRejection) {
        #expect(throws: rejection) { try Self.policy.validate(password, username: "boekenwurm", email: "anna@example.nl") }
    }

    @Test(arguments: [
        "Zq7#vL2m",
        Self.passphrase,
        Self.longPassphrase,
        "📚🦉🌷🚲🧀🌊🎻🍀",
        "Mijn fiets is blauw!",
        "Ünïcödé ĉàñ bë ŭsëd tøø",
    ])
    func acceptedPasswords(password: String) throws {
        #expect(try Self.policy.validate(password, username: "boekenwurm", email: "anna@example.nl") == password)
    }

    @Test(arguments: ["boekenwurm", "Boekenwurm2024", "ikbenboekenwurm!", "anna@example.nl", "Anna@Example.nl1"])
    func passwordsMadeOfTheUsernameOrEmailAreRefused(password: String) {
        #expect(throws: PasswordRejection.containsPersonalInformation) {
            try Self.policy.validate(password, username: "boekenwurm", email: "anna@example.nl")
        }
    }

    @Test func lengthIsCountedAfterNFKCNormalisationInCodePoints() throws {
        #expect(try Self.policy.validate("ｚｑ７＃ｖｌ２ｍ") == "zq7#vl2m", "full-width forms become ASCII")
        let decomposed = "Cafe\u{301} met uitzicht"
        let composed = "Café met uitzicht"
        #expect(try Self.policy.validate(decomposed) == composed)
        #expect(throws: PasswordRejection.tooShort(minimum: 8)) { try Self.policy.validate("e\u{301}e\u{301}e\u{301}e\u{301}x") }
    }

    @Test func rejectionMessagesNeverRepeatThePassword() {
        for password in ["Zq7#vL2", "password1", "Welkom01!", "boekenwurm2024", "12345678"] {
            do {
                _ = try Self.policy.validate(password, username: "boekenwurm")
                Issue.record("accepted")
            } catch {
                #expect(!error.message.contains(password) && !error.description.contains(password))
                #expect(!error.message.isEmpty && error.code.hasPrefix("password_"))
            }
        }
    }

    @Test func concurrentChecksGiveTheSameAnswersAsSequentialOnes() {
        let passwords = ["password1", "Zq7#vL2m", "qwerty123", "Mijn fiets is blauw!", "12345678", "monkey12"]
        let sequential = passwords.map { Self.answer($0) }
        let answers = Mutex<[Int: PasswordRejection?]>([:])
        DispatchQueue.concurrentPerform(iterations: 120) { index in
            let answer = Self.answer(passwords[index % passwords.count])
            answers.withLock { $0[index] = answer }
        }
        for (index, answer) in answers.withLock({ $0 }) { #expect(answer == sequential[index % passwords.count]) }
    }

    @Test func missingDictionaryIsReportedAtStartup() {
        #expect(throws: CommonPasswordsError.dictionaryMissing(path: "/nonexistent/cracklib_dict")) {
            try CommonPasswords(dictionaryPath: "/nonexistent/cracklib_dict")
        }
    }

    private static func answer(_ password: String) -> PasswordRejection? {
        do {
            _ = try policy.validate(password)
            return nil
        } catch {
            return error
        }
    }
}
