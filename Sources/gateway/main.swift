import Foundation
import GatewayApp

// Everything lives in GatewayApp; C callbacks must not be declared in this file (they
// would be inferred @MainActor and crash when called from libmicrohttpd's threads).
exit(CommandLineInterface.run(Array(CommandLine.arguments.dropFirst())))
