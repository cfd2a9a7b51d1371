import Synchronization

/// A monotonically increasing count per label set.
public final class Counter: Metric {
    /// Metric family name.
    public let name: String
    private let help: String
    private let labelNames: [String]
    private let series = Mutex<[LabelValues: Double]>([:])

    /// A counter with the given label names (values are passed to `increment`).
    public init(name: String, help: String, labelNames: [String] = []) {
        self.name = name
        self.help = help
        self.labelNames = labelNames
    }

    /// Adds `amount` to the series `labels`.
    public func increment(_ labels: LabelValues = [], by amount: Double = 1) {
        series.withLock { $0[labels, default: 0] += amount }
    }

    /// The current value of one series (0 when never incremented).
    public func value(_ labels: LabelValues = []) -> Double { series.withLock { $0[labels] ?? 0 } }

    /// Renders every series, sorted by label values for stable output.
    public func render(into text: inout String) {
        PrometheusText.header(name, help: help, type: "counter", into: &text)
        let snapshot = series.withLock { $0 }.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        for (labels, value) in snapshot {
            text += "\(name)\(PrometheusText.labels(labelNames, labels)) \(PrometheusText.number(value))\n"
        }
    }
}
