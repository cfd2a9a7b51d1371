import GatewayCore
import Testing

@Test func counterRendersSortedSeriesWithEscapedLabels() {
    let registry = MetricsRegistry()
    let counter = registry.register(Counter(name: "requests_total", help: "Requests.", labelNames: ["route", "status"]))
    counter.increment(["/b", "200"])
    counter.increment(["/a\"x", "404"], by: 2)
    #expect(registry.render() == """
        # HELP requests_total Requests.
        # TYPE requests_total counter
        requests_total{route="/a\\"x",status="404"} 2
        requests_total{route="/b",status="200"} 1

        """)
}

@Test func histogramBucketsAreCumulativeWithInfAndSumAndCount() {
    let histogram = Histogram(name: "latency_seconds", help: "Latency.", labelNames: ["route"], upperBounds: [0.1, 1])
    histogram.observe(0.05, ["/x"])
    histogram.observe(0.5, ["/x"])
    histogram.observe(3, ["/x"])
    var text = ""
    histogram.render(into: &text)
    #expect(text.contains("latency_seconds_bucket{route=\"/x\",le=\"0.1\"} 1\n"))
    #expect(text.contains("latency_seconds_bucket{route=\"/x\",le=\"1.0\"} 2\n"))
    #expect(text.contains("latency_seconds_bucket{route=\"/x\",le=\"+Inf\"} 3\n"))
    #expect(text.contains("latency_seconds_sum{route=\"/x\"} 3.55\n"))
    #expect(text.contains("latency_seconds_count{route=\"/x\"} 3\n"))
    #expect(histogram.count(["/x"]) == 3)
}

@Test func gaugeReadsItsValueAtScrapeTime() {
    let gauge = Gauge(name: "in_flight", help: "In flight.") { 7 }
    var text = ""
    gauge.render(into: &text)
    #expect(text.hasSuffix("in_flight 7\n"))
}
