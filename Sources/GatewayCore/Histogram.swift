import Synchronization

/// A distribution of observed values (e.g. request durations in seconds) per label set,
/// with cumulative buckets as Prometheus expects.
public final class Histogram: Metric {
    /// Metric family name.
    public let name: String
    private let help: String
    private let labelNames: [String]
    private let upperBounds: [Double]
    private let series = Mutex<[LabelValues: Series]>([:])

    struct Series {
        var bucketCounts: [UInt64]
        var sum: Double = 0
        var count: UInt64 = 0
    }

    /// Default latency buckets in seconds: 0.5 ms … 10 s.
    public static let latencyBuckets: [Double] = [
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    /// A histogram with ascending bucket `upperBounds` (`+Inf` is implicit).
    public init(name: String, help: String, labelNames: [String] = [], upperBounds: [Double] = latencyBuckets) {
        self.name = name
        self.help = help
        self.labelNames = labelNames
        self.upperBounds = upperBounds.sorted()
    }

    /// Records one observation in the series `labels`.
    public func observe(_ value: Double, _ labels: LabelValues = []) {
        let bucket = upperBounds.firstIndex { value <= $0 } ?? upperBounds.count
        series.withLock { all in
            var entry = all[labels] ?? Series(bucketCounts: Array(repeating: 0, count: upperBounds.count + 1))
            entry.bucketCounts[bucket] += 1
            entry.sum += value
            entry.count += 1
            all[labels] = entry
        }
    }

    /// Number of observations in one series.
    public func count(_ labels: LabelValues = []) -> UInt64 { series.withLock { $0[labels]?.count ?? 0 } }

    /// Renders `_bucket` (cumulative), `_sum` and `_count` lines for every series.
    public func render(into text: inout String) {
        PrometheusText.header(name, help: help, type: "histogram", into: &text)
        let snapshot = series.withLock { $0 }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        for (labels, entry) in snapshot {
            var cumulative: UInt64 = 0
            for (index, bound) in (upperBounds + [.infinity]).enumerated() {
                cumulative += entry.bucketCounts[index]
                let le = bound.isInfinite ? "+Inf" : String(bound)
                text += "\(name)_bucket\(PrometheusText.labels(labelNames, labels, extra: ("le", le))) \(cumulative)\n"
            }
            let plain = PrometheusText.labels(labelNames, labels)
            text += "\(name)_sum\(plain) \(entry.sum)\n\(name)_count\(plain) \(entry.count)\n"
        }
    }
}
