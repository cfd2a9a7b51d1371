import Synchronization

/// A value read at scrape time (e.g. requests in flight, pool sizes), or a counter kept
/// elsewhere and read at scrape time (`type: "counter"`).
public final class Gauge: Metric {
    /// Metric family name.
    public let name: String
    private let help: String
    private let type: String
    private let read: @Sendable () -> Double

    /// A gauge (or, with `type: "counter"`, a counter) whose value is `read()` at every scrape.
    public init(name: String, help: String, type: String = "gauge", read: @escaping @Sendable () -> Double) {
        self.name = name
        self.help = help
        self.type = type
        self.read = read
    }

    /// One unlabelled sample.
    public func render(into text: inout String) {
        PrometheusText.header(name, help: help, type: type, into: &text)
        text += "\(name) \(PrometheusText.number(read()))\n"
    }
}
