import Foundation
import GatewayCrypto

/// Command-line front end: parses arguments and dispatches to a benchmark.
enum BenchCommand {
    static let usage = """
        usage: GatewayBench tokens [--seconds N] [--warmup S] [--alg ALG[,ALG...]] [--raw-verify]
                                [--only jws_sign,jws_verify,raw_sign,raw_verify] [--breakdown S]

          tokens   one-thread JWS sign/s (claims assembly + JSON + base64url + signature),
                   JWS verify/s (against a 3-key JWKS) and raw SigningKey.sign/s per algorithm;
                   prints one line per algorithm:
                   RESULT alg=ES256 jws_sign_per_s=.. jws_verify_per_s=.. raw_sign_per_s=.. ...
          --seconds N   length of each measurement (default 3)
          --warmup S    warm-up before each measurement (default 0.3)
          --alg LIST    algorithms to measure (default ES256,RS256,EdDSA)
          --raw-verify  also measure VerificationKey.verify on a 32-byte message
          --only LIST   run only these measurements (e.g. to profile one with perf); `none` runs
                        none of them (with --breakdown: only the breakdown)
          --breakdown S afterwards time each step of a token alone for S seconds:
                        STAGE name=jti|claims|serialize|base64url_assembly|
                        split_decode|parse_json|sign_input|verify_input
                        alg=.. per_s=.. us=.. cpu_share=..
        """

    /// Runs the command; returns the process exit status.
    static func run(_ arguments: [String]) -> Int32 {
        guard let command = arguments.first else { return fail(usage) }
        switch command {
        case "tokens":
            let options: TokenBenchmark.Options
            do { options = try parseTokenOptions(Array(arguments.dropFirst())) } catch {
                return fail("GatewayBench: \(error.message)\n\n\(usage)")
            }
            do {
                try TokenBenchmark(options: options).run()
                return 0
            } catch {
                return fail("GatewayBench: \(error)")
            }
        case "-h", "--help", "help":
            print(usage)
            return 0
        default:
            return fail("GatewayBench: unknown command '\(command)'\n\n\(usage)")
        }
    }

    struct UsageError: Error {
        let message: String
    }

    static func parseTokenOptions(_ arguments: [String]) throws(UsageError) -> TokenBenchmark.Options {
        var options = TokenBenchmark.Options()
        var index = 0
        func value(_ name: String) throws(UsageError) -> String {
            index += 1
            guard index < arguments.count else { throw UsageError(message: "\(name) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--seconds":
                guard let seconds = Double(try value(argument)), seconds > 0, seconds <= 600 else {
                    throw UsageError(message: "--seconds must be a number in (0, 600]")
                }
                options.seconds = seconds
            case "--warmup":
                guard let seconds = Double(try value(argument)), seconds >= 0, seconds <= 60 else {
                    throw UsageError(message: "--warmup must be a number in [0, 60]")
                }
                options.warmupSeconds = seconds
            case "--alg":
                var algorithms: [SignatureAlgorithm] = []
                for name in try value(argument).split(separator: ",") {
                    guard let algorithm = SignatureAlgorithm(rawValue: String(name)) else {
                        throw UsageError(message: "unknown algorithm '\(name)' (ES256, RS256, EdDSA)")
                    }
                    algorithms.append(algorithm)
                }
                guard !algorithms.isEmpty else { throw UsageError(message: "--alg needs at least one algorithm") }
                options.algorithms = algorithms
            case "--only":
                let known: Set<String> = ["jws_sign", "jws_verify", "raw_sign", "raw_verify", "none"]
                let names = Set(try value(argument).split(separator: ",").map(String.init))
                guard !names.isEmpty, names.isSubset(of: known) else {
                    throw UsageError(message: "--only takes a list of jws_sign, jws_verify, raw_sign, raw_verify, or none")
                }
                options.only = names
            case "--breakdown":
                guard let seconds = Double(try value(argument)), seconds > 0, seconds <= 60 else {
                    throw UsageError(message: "--breakdown takes the seconds per step, in (0, 60]")
                }
                options.breakdownSeconds = seconds
            case "--raw-verify":
                options.rawVerify = true
            default:
                throw UsageError(message: "unknown option '\(argument)'")
            }
            index += 1
        }
        return options
    }

    private static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        return 2
    }
}
