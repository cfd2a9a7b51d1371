import Foundation
import GatewayApp
import GatewayCrypto
import GatewayPolicy
import GatewaySQLite
import GatewayTesting
import Testing

/// `gateway policy import | list | rotate-secret`, run as the built binary against a real
/// SQLite file.
@Suite struct PolicyImportCommandTests {
    /// A scratch directory with a store path and the configuration flags pointing at it.
    private final class Scratch {
        let directory = TemporaryDirectory(prefix: "policy-import")
        var sqlitePath: String { directory.file("gateway.sqlite3") }
        var flags: [String] {
            ["--sqlite-path", sqlitePath, "--keys-dir", directory.path, "--policies-dir", emptyPolicies(directory)]
        }

        deinit { directory.remove() }

        /// Runs `gateway policy ARGUMENTS` with the scratch configuration.
        func policy(_ arguments: [String]) throws -> GatewayRun {
            try runGateway(["policy"] + arguments + flags)
        }

        /// The client secret hash the store holds for `clientID`.
        func storedHash(_ clientID: String) throws -> String? {
            let store = SQLitePolicyStore(database: try SQLiteDatabase(path: sqlitePath),
                                          secrets: Argon2ClientSecretGenerator(parameters: .owaspMinimum))
            return try store.policy(clientID: clientID)?.clientSecretHash
        }

        /// A directory `input` holding `files` (name: text).
        func policies(_ files: [String: String]) throws -> String {
            let path = directory.file("input")
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            for (name, text) in files { try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8) }
            return path
        }
    }

    private static func demoPolicy(_ name: String) throws -> String { try String(contentsOfFile: "Policies/\(name)", encoding: .utf8) }

    private static func verifies(_ secret: String, _ hash: String?) throws -> Bool {
        try Argon2id(parameters: .owaspMinimum).verify(password: secret, encoded: try #require(hash))
    }

    @Test func importingTwiceCreatesThenChangesNothing() throws {
        let scratch = Scratch()
        let secrets = scratch.directory.file("secrets")
        let first = try scratch.policy(["import", "Policies", "--secrets-dir", secrets, "--actor", "test"])
        #expect(first.status == 0, "\(first.error)")
        #expect(first.output.contains("created e-books (version 1)\n"))
        #expect(first.output.contains("created reading-tipper (version 1)\n"))
        #expect(first.output.contains("client secret for reading-tipper written to \(secrets)/reading-tipper.secret (mode 0600)"))
        let second = try scratch.policy(["import", "Policies", "--secrets-dir", secrets])
        #expect(second.status == 0)
        #expect(second.output == "unchanged e-books\nunchanged reading-tipper\n")
        let list = try scratch.policy(["list"])
        #expect(list.status == 0)
        #expect(list.output.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
                == ["CLIENT_ID VERSION ACTIVE TYPE", "e-books 1 yes public", "reading-tipper 1 yes confidential"])
    }

    @Test func secretFileIsPrivateAndVerifiesAgainstTheStoredHash() throws {
        let scratch = Scratch()
        let secrets = scratch.directory.file("var/client-secrets")
        let result = try scratch.policy(["import", "Policies/reading-tipper.json", "--secrets-dir", secrets])
        #expect(result.status == 0, "\(result.error)")
        let file = secrets + "/reading-tipper.secret"
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let folder = try FileManager.default.attributesOfItem(atPath: secrets)
        #expect((folder[.posixPermissions] as? NSNumber)?.intValue == 0o700)
        let secret = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(secret.count == 43 && secret.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(try Self.verifies(secret, try scratch.storedHash("reading-tipper")))
        #expect(!result.output.contains(secret) && !result.error.contains(secret))
    }

    @Test func printedSecretIsShownOnceAndRotationReplacesIt() throws {
        let scratch = Scratch()
        let imported = try scratch.policy(["import", "Policies"])
        #expect(imported.status == 0, "\(imported.error)")
        let marker = "client secret for reading-tipper, shown only this once (the gateway keeps only its hash): "
        let line = try #require(imported.output.split(separator: "\n").first { $0.contains(marker) })
        let secret = String(try #require(line.components(separatedBy: marker).last))
        #expect(try Self.verifies(secret, try scratch.storedHash("reading-tipper")))
        #expect(!(try scratch.policy(["import", "Policies"])).output.contains("client secret"))

        let rotated = try scratch.policy(["rotate-secret", "reading-tipper"])
        #expect(rotated.status == 0, "\(rotated.error)")
        #expect(rotated.output.hasPrefix("rotated the client secret of reading-tipper (version 2)\n"))
        let newSecret = String(try #require(rotated.output.components(separatedBy: marker).last).dropLast())
        let hash = try scratch.storedHash("reading-tipper")
        #expect(try Self.verifies(newSecret, hash) && !(try Self.verifies(secret, hash)))
    }

    @Test func invalidFileImportsNothingAndNamesTheField() throws {
        let scratch = Scratch()
        let input = try scratch.policies([
            "a-good.json": try Self.demoPolicy("e-books.json"),
            "broken.json": try Self.demoPolicy("reading-tipper.json").replacingOccurrences(of: "\"ES256\"", with: "\"none\""),
        ])
        let result = try scratch.policy(["import", input])
        #expect(result.status == 1)
        #expect(result.error.contains("\(input)/broken.json: id_token_signed_response_alg:"))
        #expect(result.error.contains("nothing was imported"))
        #expect(result.output.isEmpty)
        #expect(try scratch.policy(["list"]).output == "CLIENT_ID  VERSION  ACTIVE  TYPE\n")
    }

    @Test func changedFileBecomesANewVersionNamingTheFields() throws {
        let scratch = Scratch()
        #expect(try scratch.policy(["import", "Policies/e-books.json"]).status == 0)
        let edited = try Self.demoPolicy("e-books.json")
            .replacingOccurrences(of: "\"display_name\": \"E-books\"", with: "\"display_name\": \"E-books Plus\"")
            .replacingOccurrences(of: "\"active\": true", with: "\"active\": false")
        let input = try scratch.policies(["e-books.json": edited])
        let result = try scratch.policy(["import", input, "--actor", "alice"])
        #expect(result.output == "updated e-books (version 2): active, display_name\n")
        #expect(try scratch.policy(["list"]).output.contains("e-books    2        no      public"))
    }

    @Test func rotatingASecretOfAPublicClientIsRefused() throws {
        let scratch = Scratch()
        #expect(try scratch.policy(["import", "Policies/e-books.json"]).status == 0)
        let result = try scratch.policy(["rotate-secret", "e-books"])
        #expect(result.status == 1)
        #expect(result.error.contains("does not use a client secret"))
        let unknown = try scratch.policy(["rotate-secret", "nobody"])
        #expect(unknown.status == 1 && unknown.error.contains("no application with client_id \"nobody\""))
    }
}
