/// `GatewayBench steadiness`: how steady the CPU is. Times the same fixed piece of integer
/// work (about 1 ms) back to back on one thread for a few seconds. On a quiet dedicated core
/// every chunk takes about the fastest chunk's time; on a virtual machine whose host is busy
/// chunks take longer in stretches of tens of milliseconds, which no process inside the VM can
/// see as CPU use. Prints the chunk times relative to the fastest one.
struct SteadinessProbe {
    let seconds: Double

    func run() {
        let iterations = calibrate()
        var times: [Int64] = []
        let end = LoadThreads.now() + Int64(seconds * 1e9)
        var sink: UInt64 = 0
        while LoadThreads.now() < end {
            let began = LoadThreads.now()
            sink &+= Self.work(iterations)
            times.append(LoadThreads.now() - began)
        }
        let fastest = Double(times.min() ?? 1)
        let summary = LatencySummary(times)
        let slow = times.filter { Double($0) > 1.5 * fastest }.count
        let format = LatencySummary.format
        print("RESULT chunks=\(times.count) fastest_ms=\(format(fastest / 1e6, 3)) median_x=\(format(summary.ms(50) * 1e6 / fastest, 2)) "
              + "p99_x=\(format(summary.ms(99) * 1e6 / fastest, 2)) max_x=\(format(summary.ms(100) * 1e6 / fastest, 2)) "
              + "slow_share=\(format(Double(slow) / Double(max(times.count, 1)), 3)) checksum=\(sink % 1000)")
    }

    /// Iterations that take about 1 ms on this machine (the fastest of a few tries).
    private func calibrate() -> Int {
        var iterations = 100_000
        for _ in 0..<20 {
            let began = LoadThreads.now()
            _ = Self.work(iterations)
            let took = LoadThreads.now() - began
            if took > 0 { iterations = max(1_000, Int(Double(iterations) * 1_000_000 / Double(took))) }
        }
        return iterations
    }

    /// A dependency chain of multiplications the compiler cannot remove.
    @inline(never)
    static func work(_ iterations: Int) -> UInt64 {
        var x: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<iterations { x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407 }
        return x
    }
}
