import GatewayCore
import GatewayCrypto
import GatewayDemoApp

/// `gateway demo-app --policy FILE --issuer URL [--client-secret-file FILE] [--host IP]`:
/// runs the demo partner application (a relying party) described by an application
/// policy until SIGTERM or SIGINT.
enum DemoAppCommand {
    static let usage = """
        Usage: gateway demo-app --policy FILE --issuer URL [--client-secret-file FILE] [--host IP]
          Runs a demo partner application for the policy in FILE: client id, name, port and callback come
          from its first redirect URI (http://127.0.0.1:8091/callback listens on 127.0.0.1:8091).
          Confidential clients need the secret written by gateway policy import --secrets-dir DIR
          (DIR/<client_id>.secret); public clients use none. The gateway's endpoints come from
          URL/.well-known/openid-configuration, fetched when first needed.
        """

    static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        var options = CommandOptions(arguments)
        if options.flag("--help") || options.flag("-h") {
            print(usage)
            return 0
        }
        guard let policy = options.value("--policy"), let issuer = options.value("--issuer") else {
            return CommandLineInterface.fail(usage, code: 64)
        }
        let secretFile = options.value("--client-secret-file")
        let host = options.value("--host")
        guard options.remaining.isEmpty else {
            return CommandLineInterface.fail("gateway demo-app: unknown argument '\(options.remaining[0])'\n\n\(usage)", code: 64)
        }
        let configuration: DemoAppConfiguration
        do {
            configuration = try DemoAppConfiguration.load(policyFile: policy, issuer: issuer, clientSecretFile: secretFile, host: host)
        } catch {
            return CommandLineInterface.fail(error.description, code: 78)
        }
        return serve(configuration)
    }

    private static func serve(_ configuration: DemoAppConfiguration) -> Int32 {
        ShutdownSignals.block()
        let logger = Logger(sink: StandardOutputSink())
        let app = DemoApp(configuration: configuration, logger: logger, random: SecureRandom())
        do { try app.start() } catch {
            return CommandLineInterface.fail("gateway demo-app: cannot listen on \(configuration.host):\(configuration.port): \(error)", code: 70)
        }
        logger.info("demo_app_started", [
            "client_id": .string(configuration.clientID), "host": .string(configuration.host), "port": .int(Int(app.port)),
            "issuer": .string(configuration.issuer), "client_authentication": .string(configuration.clientAuthentication.methodName),
        ])
        _ = ShutdownSignals.wait()
        app.stop()
        logger.info("demo_app_stopped", [:])
        return 0
    }
}
