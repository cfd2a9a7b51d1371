import Foundation

/// Runs an operation back to back on the calling thread for a fixed time and counts it.
struct Throughput {
    /// Operations completed and the monotonic time they took.
    struct Measurement {
        let operations: Int
        let seconds: Double
        /// Share of the wall time this thread was on a CPU (from /proc/thread-self/schedstat),
        /// nil when that file is unreadable. Below ~0.95 something else competed for the core.
        let cpuShare: Double?
        /// Folded results of the operations, printed so nothing can be optimised away.
        let checksum: Int

        var perSecond: Double { Double(operations) / seconds }
    }

    let clock = ContinuousClock()

    /// Runs `body` for `warmup` seconds unmeasured, then for `seconds` measured.
    /// `body` returns a number folded into the checksum (e.g. an output length).
    func measure<E: Error>(seconds: Double, warmup: Double, _ body: () throws(E) -> Int) throws(E) -> Measurement {
        var checksum = 0
        if warmup > 0 {
            let end = clock.now.advanced(by: .seconds(warmup))
            repeat { checksum &+= try body() } while clock.now < end
        }
        let cpuStart = Self.threadCPUNanoseconds()
        let start = clock.now
        let deadline = start.advanced(by: .seconds(seconds))
        var operations = 0
        var now = start
        repeat {
            checksum &+= try body()
            operations += 1
            now = clock.now
        } while now < deadline
        let elapsed = Self.seconds(start.duration(to: now))
        let cpuEnd = Self.threadCPUNanoseconds()
        var share: Double?
        if let cpuStart, let cpuEnd, elapsed > 0 { share = Double(cpuEnd - cpuStart) / 1e9 / elapsed }
        return Measurement(operations: operations, seconds: elapsed, cpuShare: share, checksum: checksum)
    }

    static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }

    /// Nanoseconds this thread has spent on a CPU: the first field of
    /// /proc/thread-self/schedstat (Linux with schedstats; nil elsewhere).
    static func threadCPUNanoseconds() -> Int? {
        guard let data = FileManager.default.contents(atPath: "/proc/thread-self/schedstat"),
              let text = String(data: data, encoding: .utf8),
              let first = text.split(separator: " ").first else { return nil }
        return Int(first)
    }
}
