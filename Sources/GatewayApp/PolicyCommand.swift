import Foundation
import GatewayPolicy
import GatewaySQLite

/// `gateway policy validate|import|list|rotate-secret`: application policy files checked
/// on their own, imported into the store `gateway serve` reads, listed, and given new
/// client secrets.
enum PolicyCommand {
    static let usage = """
        Usage:
          gateway policy validate FILE|DIR...        check policy files (prints each problem as FILE: field.path: reason)
          gateway policy import FILE|DIR... [--actor NAME] [--secrets-dir DIR]
                                                     store the policies (every file valid, or nothing is imported);
                                                     a new version only where something changed
          gateway policy list                        stored policies: client_id, version, active, type
          gateway policy rotate-secret CLIENT_ID [--actor NAME] [--secrets-dir DIR]
                                                     a new client secret; the old one stops working
        The store is the one gateway serve uses (--config FILE, --sqlite-path FILE, GATEWAY_*; see gateway --help).
        Client secrets the gateway generates are printed once, or with --secrets-dir written to DIR/<client_id>.secret
        (mode 0600) and only the path printed. --actor defaults to cli:$USER.
        """

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        let rest = Array(arguments.dropFirst())
        do throws(PolicyCommandContext.Failure) {
            switch arguments.first {
            case "validate": return validate(rest)
            case "import": try importPolicies(PolicyCommandContext(rest, environment: environment))
            case "list": try list(PolicyCommandContext(rest, environment: environment))
            case "rotate-secret": try rotateSecret(PolicyCommandContext(rest, environment: environment))
            default: return CommandLineInterface.fail(usage, code: 64)
            }
            return 0
        } catch {
            return CommandLineInterface.fail(error.message, code: error.code)
        }
    }

    private static func validate(_ paths: [String]) -> Int32 {
        guard !paths.isEmpty else { return CommandLineInterface.fail(usage, code: 64) }
        // All paths in one report, so a client_id used by two files is caught too.
        let report = PolicyValidator.report(for: paths)
        print(report.text)
        return report.ok ? 0 : 1
    }

    /// Validates every file, then imports each policy in file order, one line each.
    private static func importPolicies(_ context: PolicyCommandContext) throws(PolicyCommandContext.Failure) {
        let policies = try load(context.positional)
        let store = try context.openStore()
        try context.secrets.prepare()
        for policy in policies {
            let result: PolicyImportResult
            do {
                result = try store.importPolicy(policy, actor: context.actor, at: context.now)
            } catch {
                throw .init(message: "gateway policy import: \(policy.clientID): \(error) (policies before it were imported)", code: 1)
            }
            print(line(for: result.outcome, clientID: policy.clientID))
            if let secret = result.generatedSecret { try deliver(secret, of: policy.clientID, through: context) }
        }
    }

    /// The policies of every path, or a failure listing every problem of every file.
    private static func load(_ paths: [String]) throws(PolicyCommandContext.Failure) -> [ApplicationPolicy] {
        guard !paths.isEmpty else { throw .init(message: usage, code: 64) }
        // One report over all paths, so a client_id used by two files is refused too.
        let report = PolicyValidator.report(for: paths)
        guard report.ok else { throw .init(message: report.text + "\nnothing was imported", code: 1) }
        do {
            return try paths.flatMap { path throws in
                try isDirectory(path) ? PolicyParser.loadDirectory(path) : [PolicyParser.loadFile(path)]
            }
        } catch {
            // Only when a file changed between validating and loading it.
            throw .init(message: "\(error)\nnothing was imported", code: 1)
        }
    }

    private static func list(_ context: PolicyCommandContext) throws(PolicyCommandContext.Failure) {
        guard context.positional.isEmpty else { throw .init(message: usage, code: 64) }
        let store = try context.openStore()
        let stored: [StoredPolicy]
        do { stored = try store.storedPolicies() } catch { throw .init(message: "gateway policy list: \(error)", code: 1) }
        let rows = [["CLIENT_ID", "VERSION", "ACTIVE", "TYPE"]] + stored.map { entry in
            [entry.policy.clientID, String(entry.version), entry.policy.active ? "yes" : "no", entry.policy.clientType.rawValue]
        }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces))
        }
    }

    private static func rotateSecret(_ context: PolicyCommandContext) throws(PolicyCommandContext.Failure) {
        guard context.positional.count == 1, let clientID = context.positional.first else { throw .init(message: usage, code: 64) }
        let store = try context.openStore()
        try context.secrets.prepare()
        let rotated: (secret: ClientSecret, outcome: PolicyImportOutcome)
        do {
            rotated = try store.rotateClientSecret(clientID: clientID, actor: context.actor, at: context.now)
        } catch {
            throw .init(message: "gateway policy rotate-secret: \(error)", code: 1)
        }
        print("rotated the client secret of \(clientID)" + (version(of: rotated.outcome).map { " (version \($0))" } ?? ""))
        try deliver(rotated.secret, of: clientID, through: context)
    }

    private static func deliver(
        _ secret: ClientSecret, of clientID: String, through context: PolicyCommandContext
    ) throws(PolicyCommandContext.Failure) {
        do {
            for line in try context.secrets.deliver(secret.value, clientID: clientID) { print(line) }
        } catch {
            throw .init(message: error.message + "; only its hash was stored: run gateway policy rotate-secret \(clientID) for a new one",
                        code: error.code)
        }
    }

    private static func line(for outcome: PolicyImportOutcome, clientID: String) -> String {
        switch outcome {
        case .created(let version): "created \(clientID) (version \(version))"
        case .updated(let version, let fields): "updated \(clientID) (version \(version)): \(fields.joined(separator: ", "))"
        case .unchanged: "unchanged \(clientID)"
        }
    }

    private static func version(of outcome: PolicyImportOutcome) -> Int? {
        switch outcome {
        case .created(let version), .updated(let version, _): version
        case .unchanged: nil
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}
