import Foundation
import GatewayCore
import GatewayCrypto
import Synchronization

/// `GatewayBench exchanges`: complete code flows of a patron with an SSO session and
/// consent given — `GET /authorize` (302 with a code) then `POST /token` (200 with the
/// tokens) — by N threads, each on its own keep-alive connection.
///
/// Timed mode (`--seconds`) prints exchanges/s; pool mode (`--count N --tokens-out FILE`)
/// runs exactly N flows and writes one `access_token refresh_token` line per flow (`-`
/// when the grant has no refresh token), for the other generators and wrk scripts.
struct CodeExchangeBenchmark {
    struct Options {
        var port: UInt16 = 0
        var session = ""
        var client: BenchClient?
        var scope = "openid offline_access"
        var threads = 4
        var seconds = 10.0
        var warmup = 1.0
        var count: Int?
        var tokensOut: String?
    }

    /// What one thread did.
    struct WorkerResult: Sendable {
        var exchanges = 0
        var latencies: [Int64] = []
        var authorizeLatencies: [Int64] = []
        var tokens: [String] = []
        var failures = FailureTally()
    }

    let options: Options

    func run() throws(BenchCommand.UsageError) {
        guard let client = options.client else { throw BenchCommand.UsageError(message: "exchanges needs --client") }
        let requests = OIDCRequests(host: "127.0.0.1:\(options.port)")
        if let count = options.count { return try pool(count: count, client: client, requests: requests) }
        let start = LoadThreads.now() + 50_000_000
        let countFrom = start + Int64(options.warmup * 1e9)
        let stop = countFrom + Int64(options.seconds * 1e9)
        let cpuBefore = LoadThreads.processCPUSeconds()
        let results = LoadThreads.run(options.threads) { _ in
            work(client: client, requests: requests) { flow in
                flow.began >= countFrom ? (flow.ended <= stop ? .count : .stop) : .skip
            } wait: { LoadThreads.sleep(until: start) }
        }
        report(results, cpuSeconds: LoadThreads.processCPUSeconds() - cpuBefore)
    }

    private func report(_ results: [WorkerResult], cpuSeconds: Double) {
        var failures = FailureTally()
        for result in results { failures.merge(result.failures) }
        let exchanges = results.reduce(0) { $0 + $1.exchanges }
        let flows = LatencySummary(results.flatMap(\.latencies))
        let authorize = LatencySummary(results.flatMap(\.authorizeLatencies))
        print("RESULT exchanges_per_s=\(LatencySummary.format(Double(exchanges) / options.seconds, 1)) exchanges=\(exchanges) "
              + "failed=\(failures.total) threads=\(options.threads) seconds=\(options.seconds) \(flows.fields()) "
              + "authorize_p50_ms=\(LatencySummary.format(authorize.ms(50))) client_cpu_s=\(LatencySummary.format(cpuSeconds, 2))")
        print("FAILURES \(failures.summary)")
    }

    private func pool(count: Int, client: BenchClient, requests: OIDCRequests) throws(BenchCommand.UsageError) {
        guard let path = options.tokensOut else { throw BenchCommand.UsageError(message: "--count needs --tokens-out FILE") }
        let claimed = Atomic<Int>(0)
        let began = LoadThreads.now()
        let results = LoadThreads.run(options.threads) { _ in
            work(client: client, requests: requests) { _ in
                claimed.add(1, ordering: .relaxed).newValue <= count ? .count : .stop
            } wait: {}
        }
        let tokens = results.flatMap(\.tokens)
        var failures = FailureTally()
        for result in results { failures.merge(result.failures) }
        let text = tokens.joined(separator: "\n") + "\n"
        guard tokens.count == count, FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            print("POOL failed: \(tokens.count) of \(count) flows completed; failures \(failures.summary)")
            exit(1)
        }
        print("POOL tokens=\(count) seconds=\(LatencySummary.format(Double(LoadThreads.now() - began) / 1e9, 2)) failures=\(failures.summary)")
    }

    enum Verdict { case skip, count, stop }

    /// One thread's loop: flows until `judge` says stop. A counted flow's tokens are kept
    /// in pool mode. Transport failures reconnect; every failure is tallied by kind.
    private func work(client: BenchClient, requests: OIDCRequests, judge: (Flow) -> Verdict, wait: () -> Void) -> WorkerResult {
        var result = WorkerResult()
        let random = SecureRandom()
        let connection: HTTPConnection
        do { connection = try HTTPConnection(port: options.port) } catch {
            result.failures.add("connect")
            return result
        }
        wait()
        var failuresInARow = 0
        while failuresInARow < 100 {
            let flow: Flow
            do { flow = try Flow.run(client: client, scope: options.scope, session: options.session, requests: requests, on: connection, random: random) } catch {
                result.failures.add(error.description)
                failuresInARow += 1
                if error.transport { try? connection.reconnect() }
                continue
            }
            failuresInARow = 0
            switch judge(flow) {
            case .skip: continue
            case .stop: return result
            case .count:
                result.exchanges += 1
                result.latencies.append(flow.ended - flow.began)
                result.authorizeLatencies.append(flow.authorized - flow.began)
                if options.count != nil { result.tokens.append("\(flow.accessToken) \(flow.refreshToken ?? "-")") }
            }
        }
        return result
    }
}
