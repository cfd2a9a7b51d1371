import Synchronization

/// Every metric the process exposes on `/metrics`. Label values are route patterns,
/// methods and status codes only: never a path, an address or anything about a patron.
public final class MetricsRegistry: Sendable {
    private let metrics = Mutex<[any Metric]>([])

    /// An empty registry.
    public init() {}

    /// Adds `metric` and returns it, so registration reads as a declaration.
    @discardableResult
    public func register<M: Metric>(_ metric: M) -> M {
        metrics.withLock { $0.append(metric) }
        return metric
    }

    /// The whole exposition (content type `text/plain; version=0.0.4`).
    public func render() -> String {
        var text = ""
        for metric in metrics.withLock({ $0 }) { metric.render(into: &text) }
        return text
    }
}
