import Foundation
import GatewayCore
import GatewayPolicy
import GatewaySQLite

/// What the store-touching `gateway policy` subcommands share: their own options, the
/// paths or client_id they act on, and the store of the configured SQLite database
/// (opened and migrated exactly as `gateway serve` does).
struct PolicyCommandContext {
    /// A subcommand that stopped: what to print on standard error, and the exit code.
    struct Failure: Error {
        let message: String
        let code: Int32
    }

    /// Positional arguments: files and directories, or a client_id.
    let positional: [String]
    /// Who is recorded as making the changes.
    let actor: String
    /// Where new client secrets go.
    let secrets: ClientSecretOutput
    /// Options left for the configuration loader (`--config`, `--sqlite-path`, ...).
    private let configurationArguments: [String]
    private let environment: [String: String]

    /// Takes `--actor NAME` and `--secrets-dir DIR` out of `arguments`; the rest are
    /// positional or configuration options.
    init(_ arguments: [String], environment: [String: String]) {
        var options = CommandOptions(arguments)
        actor = options.value("--actor") ?? environment["USER"].map { "cli:\($0)" } ?? "cli"
        secrets = ClientSecretOutput(directory: options.value("--secrets-dir"))
        positional = options.positional
        configurationArguments = options.optionArguments
        self.environment = environment
    }

    /// The policy store of the configured database, schema brought up to date.
    func openStore() throws(Failure) -> SQLitePolicyStore {
        let configuration: GatewayConfiguration
        do {
            configuration = try CommandLineInterface.loadConfiguration(configurationArguments, environment: environment)
        } catch {
            throw Failure(message: error.description, code: 78)
        }
        do {
            let database = try SQLiteDatabase(path: configuration.sqlitePath,
                                              busyTimeoutMilliseconds: configuration.sqliteBusyTimeoutMilliseconds)
            _ = try database.migrate(StoreMigrations.all)
            return SQLitePolicyStore(database: database, secrets: Argon2ClientSecretGenerator(parameters: configuration.argon2))
        } catch {
            throw Failure(message: "gateway policy: cannot open the store: \(error)", code: 70)
        }
    }

    /// Now, for the history.
    var now: Instant { SystemClock().now() }
}
