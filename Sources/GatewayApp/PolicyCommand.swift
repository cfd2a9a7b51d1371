import GatewayPolicy

/// `gateway policy validate FILE...`: checks policy files without touching the store.
enum PolicyCommand {
    static let usage = "Usage: gateway policy validate FILE|DIR...  (prints each problem as FILE: field.path: reason)"

    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.first == "validate", arguments.count > 1 else { return CommandLineInterface.fail(usage, code: 64) }
        // All paths in one report, so a client_id used by two files is caught too.
        let report = PolicyValidator.report(for: Array(arguments.dropFirst()))
        print(report.text)
        return report.ok ? 0 : 1
    }
}
