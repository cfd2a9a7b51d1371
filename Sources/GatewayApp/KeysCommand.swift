import Foundation
import GatewayCrypto
import GatewayTokens

/// `gateway keys generate|rotate|list|retire`: the signing keys in the keys directory.
enum KeysCommand {
    static let usage = """
        Usage:
          gateway keys generate --alg ES256|RS256|EdDSA [--if-missing]   first key of an algorithm, active at once
          gateway keys rotate --alg ALG [--publish-for SECONDS]          new key: published now, signs after the period
          gateway keys list                                             every key with its state now
          gateway keys retire KID [--force]                             drop a key from the JWKS
        Common option: --keys-dir DIR (default Keys, or GATEWAY_KEYS_DIR)
        """

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        guard let action = arguments.first else { return CommandLineInterface.fail(usage, code: 64) }
        var options = CommandOptions(Array(arguments.dropFirst()))
        let force = options.flag("--force"), ifMissing = options.flag("--if-missing")
        let alg = options.value("--alg"), publishFor = options.value("--publish-for")
        let directory = options.value("--keys-dir") ?? environment["GATEWAY_KEYS_DIR"] ?? "Keys"
        guard FileManager.default.fileExists(atPath: directory) else {
            return CommandLineInterface.fail("keys directory \(directory) does not exist", code: 78)
        }
        if let unknown = options.optionArguments.first { return CommandLineInterface.fail("unknown option \(unknown)\n\(usage)", code: 64) }
        let admin = KeyAdministration(directory: directory, maxTokenLifetime: TimeInterval(KeyAdministration.maximumTokenLifetime))
        do {
            switch action {
            case "generate":
                let entry = try admin.generate(try algorithm(alg), ifMissing: ifMissing)
                print(entry.map { "generated \($0.alg.rawValue) key \($0.kid) (active)" } ?? "\(alg ?? "") key already present")
            case "rotate":
                let seconds = try publishFor.map { try parseSeconds($0) }
                    ?? TimeInterval(environment["GATEWAY_ROTATION_PUBLISH_SECONDS"].flatMap(Int.init) ?? 86_400)
                let entry = try admin.rotate(try algorithm(alg), publishFor: seconds)
                print("published \(entry.alg.rawValue) key \(entry.kid); it starts signing at \(ISO8601DateFormatter().string(from: entry.activateAt))")
            case "list":
                print(table(try admin.list()))
            case "retire":
                guard let kid = options.positional.first else { return CommandLineInterface.fail("gateway keys retire needs a KID", code: 64) }
                try admin.retire(kid, force: force)
                print("retired \(kid): it is no longer published")
            default:
                return CommandLineInterface.fail(usage, code: 64)
            }
            return 0
        } catch {
            return CommandLineInterface.fail("gateway keys \(action): \(error)", code: 1)
        }
    }

    private static func algorithm(_ text: String?) throws -> SignatureAlgorithm {
        guard let text, let algorithm = SignatureAlgorithm(rawValue: text) else {
            throw CommandError("--alg must be ES256, RS256 or EdDSA")
        }
        return algorithm
    }

    private static func parseSeconds(_ text: String) throws -> TimeInterval {
        guard let value = TimeInterval(text), value >= 0 else { throw CommandError("--publish-for must be a number of seconds") }
        return value
    }

    private static func table(_ rows: [(entry: KeyManifest.Entry, state: KeyState)]) -> String {
        let formatter = ISO8601DateFormatter()
        let lines = rows.map { row in
            [row.entry.kid, row.entry.alg.rawValue, row.state.rawValue, formatter.string(from: row.entry.createdAt),
             formatter.string(from: row.entry.activateAt), row.entry.retiredAt.map(formatter.string(from:)) ?? "-"].joined(separator: "  ")
        }
        return (["KID  ALG  STATE  CREATED  ACTIVATES  RETIRED"] + lines).joined(separator: "\n")
    }
}

/// A command-line usage error with its message.
struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
