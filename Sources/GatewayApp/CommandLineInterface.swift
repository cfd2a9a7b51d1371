public import Foundation
import GatewayCore
import GatewayHTTP
import GatewayRedis

/// `gateway serve | version | check-config | --help`. Returns the process exit code.
public enum CommandLineInterface {
    /// Runs the command named in `arguments` (without the program name).
    public static func run(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
        let command = arguments.first ?? "--help"
        let rest = Array(arguments.dropFirst())
        switch command {
        case "serve": return serve(rest, environment: environment)
        case "check-config": return checkConfig(rest, environment: environment)
        case "keys": return KeysCommand.run(rest, environment: environment)
        case "policy": return PolicyCommand.run(rest, environment: environment)
        case "demo-app": return DemoAppCommand.run(rest, environment: environment)
        case "verify": return VerifyCommand.run(rest)
        case "version", "--version": print("gateway \(GatewayVersion.current)"); return 0
        case "help", "--help", "-h": print(usage); return 0
        default:
            printError("gateway: unknown command '\(command)'\n\n\(usage)")
            return 64
        }
    }

    /// Loads and validates configuration from `--config FILE`, the environment and flags.
    public static func loadConfiguration(_ arguments: [String], environment: [String: String]) throws(ConfigurationError) -> GatewayConfiguration {
        var source = ConfigurationSource()
        var flags = arguments
        if let index = flags.firstIndex(where: { $0 == "--config" || $0.hasPrefix("--config=") }) {
            let path: String
            if flags[index].hasPrefix("--config=") {
                path = String(flags[index].dropFirst("--config=".count))
                flags.remove(at: index)
            } else {
                guard index + 1 < flags.count else { throw ConfigurationError(field: "config", reason: "--config needs a file path", source: "--config") }
                path = flags[index + 1]
                flags.removeSubrange(index...index + 1)
            }
            try source.merge(file: path)
        } else if let path = environment["GATEWAY_CONFIG"] {
            try source.merge(file: path)
        }
        source.merge(environment: environment)
        let unknown = try source.merge(flags: flags)
        if let first = unknown.first { throw ConfigurationError(field: "arguments", reason: "unknown option '\(first)' (see gateway --help)") }
        return try GatewayConfiguration(source: source)
    }

    private static func serve(_ arguments: [String], environment: [String: String]) -> Int32 {
        let configuration: GatewayConfiguration
        do { configuration = try loadConfiguration(arguments, environment: environment) } catch {
            printError(error.description)
            return 78
        }
        ShutdownSignals.block()
        do {
            let application = try GatewayApplication(configuration: configuration)
            try application.start()
            _ = ShutdownSignals.wait()
            application.stop()
            return 0
        } catch {
            printError("gateway: cannot start: \(error)")
            return 70
        }
    }

    private static func checkConfig(_ arguments: [String], environment: [String: String]) -> Int32 {
        do {
            let configuration = try loadConfiguration(arguments, environment: environment)
            print("configuration OK: issuer \(configuration.issuer), listening on \(configuration.http.host):\(configuration.http.port), "
                  + "redis \(configuration.redisEndpoint.redacted), sqlite \(configuration.sqlitePath)")
            return 0
        } catch {
            printError(error.description)
            return 78
        }
    }

    private static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints `text` to standard error and returns `code`.
    static func fail(_ text: String, code: Int32) -> Int32 {
        printError(text)
        return code
    }

    static var usage: String {
        let options = ConfigurationFields.list.map { field in
            let flag = field.flag + (field.isList ? " A,B" : " VALUE")
            return "  " + flag.padding(toLength: 34, withPad: " ", startingAt: 0) + field.help + " [\(field.path), \(field.environment)]"
        }.joined(separator: "\n")
        return """
            LibraryGateway \(GatewayVersion.current): single sign-on for public libraries (OpenID Connect provider)

            Usage:
              gateway serve [--config FILE] [options]   serve HTTP until SIGTERM/SIGINT
              gateway check-config [--config FILE] [options]   validate the configuration and exit
              gateway keys generate|rotate|list|retire  manage signing keys (gateway keys for details)
              gateway policy validate FILE...           check application policy files
              gateway policy import DIR|FILE...         import policies into the store (gateway policy for details)
              gateway demo-app --policy FILE            run a demo partner application (gateway demo-app --help)
              gateway verify TOKEN --issuer URL --audience ID   verify a token as a partner would
              gateway version                           print the version
              gateway --help                            this text

            Configuration: defaults < JSON file (--config or GATEWAY_CONFIG) < GATEWAY_* environment < flags.
            Options:
              --config FILE                     JSON configuration file
            \(options)
            """
    }
}
