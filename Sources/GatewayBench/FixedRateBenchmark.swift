import Foundation

/// `GatewayBench rate`: an open-loop load at a fixed request rate. Request `i` is due at
/// `start + i / rate`; it goes out at that time on one of C keep-alive connections that is
/// idle (see `OpenLoop`). Latency is measured from the *scheduled* time, so a request that
/// had to wait for a free connection (the server fell behind) counts its wait: no
/// coordinated omission.
///
/// Kinds: `refresh` (each connection chains its own refresh token: the next request presents
/// the token the previous answer returned; a broken chain takes a spare pool token),
/// `introspect` (the client's own access tokens, answer must be `"active":true`) and
/// `userinfo` (Bearer tokens, answer must carry `sub`). Only 200s with that content count as ok.
struct FixedRateBenchmark {
    enum Kind: String { case refresh, introspect, userinfo }

    struct Options {
        var port: UInt16 = 0
        var kind = Kind.userinfo
        var poolPath = ""
        var rate = 1000.0
        var seconds = 10.0
        var warmup = 1.0
        var connections = 32
        var client: BenchClient?
        var slowLog: String?
    }

    /// What the loop saw in the measured window (and its failures throughout).
    struct WorkerResult: Sendable {
        var latencies: [Int64] = []
        var lags: [Int64] = []
        var generatorLags: [Int64] = []
        /// Requests that found every connection busy at their due time.
        var queued = 0
        /// "due_ms latency_us lag_us connection_wait_us" of requests slower than 10 ms.
        var slow: [String] = []
        var ok = 0
        var bad = 0
        /// Connections reopened because they had been idle too long (see `OpenLoop.maximumIdle`).
        var reopened = 0
        var failures = FailureTally()
    }

    /// Tokens from `GatewayBench exchanges --tokens-out`: `access refresh` per line.
    struct Pool: Sendable {
        let access: [String]
        let refresh: [String]

        init(path: String) throws(BenchCommand.UsageError) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw BenchCommand.UsageError(message: "cannot read the token pool \(path)")
            }
            let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.filter { $0.count == 2 }
            access = lines.map { $0[0] }
            refresh = lines.map { $0[1] }.filter { $0 != "-" }
        }
    }

    let options: Options

    func run() throws(BenchCommand.UsageError) {
        let pool = try Pool(path: options.poolPath)
        guard !pool.access.isEmpty, options.kind != .refresh || pool.refresh.count >= options.connections else {
            throw BenchCommand.UsageError(message: "the pool needs at least one token (a refresh token per connection for refresh)")
        }
        guard let client = options.client else { throw BenchCommand.UsageError(message: "rate needs --client") }
        let schedule = Schedule(rate: options.rate, warmup: options.warmup, seconds: options.seconds)
        let requests = OIDCRequests(host: "127.0.0.1:\(options.port)")
        let cpuBefore = LoadThreads.processCPUSeconds()
        var loop = OpenLoop(options: options, client: client, requests: requests, pool: pool, schedule: schedule)
        let results: [WorkerResult]
        do { results = [try loop.run()] } catch { throw BenchCommand.UsageError(message: "cannot connect: \(error.description)") }
        report(results, cpuSeconds: LoadThreads.processCPUSeconds() - cpuBefore)
    }

    private func report(_ results: [WorkerResult], cpuSeconds: Double) {
        var failures = FailureTally()
        for result in results { failures.merge(result.failures) }
        let ok = results.reduce(0) { $0 + $1.ok }, bad = results.reduce(0) { $0 + $1.bad }
        let latency = LatencySummary(results.flatMap(\.latencies))
        let lag = LatencySummary(results.flatMap(\.lags))
        let generatorLag = LatencySummary(results.flatMap(\.generatorLags))
        if let path = options.slowLog {
            let text = "# due_ms_after_warmup latency_us send_lag_us connection_wait_us\n" + results.flatMap(\.slow).joined(separator: "\n") + "\n"
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        }
        let format = LatencySummary.format
        print("RESULT kind=\(options.kind.rawValue) rate=\(format(options.rate, 1)) seconds=\(options.seconds) "
              + "connections=\(options.connections) ok=\(ok) bad=\(bad) ok_per_s=\(format(Double(ok) / options.seconds, 1)) "
              + "\(latency.fields()) lag_p50_ms=\(format(lag.ms(50), 3)) lag_p99_ms=\(format(lag.ms(99), 3)) "
              + "queued=\(results.reduce(0) { $0 + $1.queued }) reopened=\(results.reduce(0) { $0 + $1.reopened }) "
              + "generator_lag_p99_ms=\(format(generatorLag.ms(99), 3)) "
              + "client_cpu_s=\(format(cpuSeconds, 2))")
        print("FAILURES \(failures.summary)")
    }

    /// When request `i` is due (CLOCK_MONOTONIC ns) and whether it falls in the measured window.
    struct Schedule: Sendable {
        let start: Int64
        let measureFrom: Int64
        let interval: Double
        let total: Int

        init(rate: Double, warmup: Double, seconds: Double) {
            start = LoadThreads.now() + 100_000_000
            measureFrom = start + Int64(warmup * 1e9)
            interval = 1e9 / rate
            total = Int(((warmup + seconds) * rate).rounded())
        }

        func due(_ index: Int) -> Int64 { start + Int64(Double(index) * interval) }
    }
}
