import Foundation

/// Percentiles of latencies in nanoseconds, reported in milliseconds.
struct LatencySummary {
    private let sorted: [Int64]

    init(_ latencies: [Int64]) { sorted = latencies.sorted() }

    var count: Int { sorted.count }

    /// The `p`-th percentile (nearest rank) in ms, 0 when empty.
    func ms(_ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return Double(sorted[min(sorted.count - 1, max(0, rank - 1))]) / 1e6
    }

    /// `p50_ms=.. p90_ms=.. p99_ms=.. p999_ms=.. max_ms=..` with `prefix` before each name.
    func fields(prefix: String = "") -> String {
        let parts = [("p50", 50.0), ("p90", 90.0), ("p99", 99.0), ("p999", 99.9), ("max", 100.0)]
        return parts.map { "\(prefix)\($0.0)_ms=\(Self.format(ms($0.1)))" }.joined(separator: " ")
    }

    static func format(_ value: Double, _ decimals: Int = 3) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
