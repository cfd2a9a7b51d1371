import Synchronization

/// A value read at scrape time (e.g. requests in flight, pool sizes).
public final class Gauge: Metric {
    /// Metric family name.
    public let name: String
    private let help: String
    private let read: @Sendable () -> Double

    /// A gauge whose value is `read()` at every scrape.
    public init(name: String, help: String, read: @escaping @Sendable () -> Double) {
        self.name = name
        self.help = help
        self.read = read
    }

    /// One unlabelled sample.
    public func render(into text: inout String) {
        PrometheusText.header(name, help: help, type: "gauge", into: &text)
        text += "\(name) \(PrometheusText.number(read()))\n"
    }
}
