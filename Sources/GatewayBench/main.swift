// GatewayBench: in-process micro-benchmarks run by bench/run.sh.
//
//   GatewayBench tokens [--seconds N] [--warmup S] [--alg ES256,RS256,EdDSA] [--raw-verify] [--only ...]
//
// Everything lives in other files: top-level code here is @MainActor, helpers are not.
import Foundation

exit(BenchCommand.run(Array(CommandLine.arguments.dropFirst())))
