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

               GatewayBench exchanges --url http://127.0.0.1:PORT --session COOKIE [--client e-books|reading-tipper
                                [--secret-file FILE]] [--scope S] [--threads N] [--seconds S] [--warmup S]
                                [--count N --tokens-out FILE]
          exchanges  GET /authorize with the SSO cookie (consent given) + POST /token, N threads on
                     keep-alive connections: RESULT exchanges_per_s=.. p50_ms=.. p99_ms=.. ...;
                     with --count: exactly N flows, "access_token refresh_token" lines into FILE

               GatewayBench rate --url http://127.0.0.1:PORT --kind refresh|introspect|userinfo --pool FILE
                                --rate R [--seconds S] [--warmup S] [--connections C] [--client ..] [--secret-file ..]
                                [--slow-log FILE]
          rate       open loop at R requests/s, latency from each request's scheduled time:
                     RESULT kind=.. ok=.. bad=.. p50_ms=.. p99_ms=.. lag_p99_ms=.. queued=.. ...;
                     --slow-log: the requests slower than 10 ms, with when they were due

               GatewayBench populate --redis-url URL [--sessions N] [--families N] [--threads T]
          populate   N SSO sessions and N refresh-token families in Redis through the gateway's stores

               GatewayBench steadiness [--seconds S]
          steadiness the same ~1 ms of work timed back to back on one thread: how much slower than the
                     fastest chunk the CPU gets (a busy VM host shows up here, not as CPU use):
                     RESULT chunks=.. fastest_ms=.. median_x=.. p99_x=.. max_x=.. slow_share=..
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
        case "exchanges", "rate", "populate", "steadiness":
            do {
                try runLoad(command, Array(arguments.dropFirst()))
                return 0
            } catch {
                return fail("GatewayBench: \(error.message)")
            }
        case "-h", "--help", "help":
            print(usage)
            return 0
        default:
            return fail("GatewayBench: unknown command '\(command)'\n\n\(usage)")
        }
    }

    private static func runLoad(_ command: String, _ arguments: [String]) throws(UsageError) {
        switch command {
        case "exchanges": try CodeExchangeBenchmark(options: try LoadOptions.exchanges(arguments)).run()
        case "rate": try FixedRateBenchmark(options: try LoadOptions.rate(arguments)).run()
        case "steadiness":
            var list = try LoadOptions(arguments)
            let seconds = try list.number("seconds", in: 0.1...60) ?? 3
            try list.finish()
            SteadinessProbe(seconds: seconds).run()
        default: try RedisPopulate(options: try LoadOptions.populate(arguments)).run()
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
