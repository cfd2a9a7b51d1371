import Foundation
import GatewayCore
#if canImport(Glibc)
import Glibc
#endif

/// Process-level gauges: resident memory and start time (Prometheus naming conventions).
enum ProcessMetrics {
    static func register(in registry: MetricsRegistry, clock: any Clock, inFlight: @escaping @Sendable () -> Int) {
        let started = clock.now().secondsSinceEpoch
        registry.register(Gauge(name: "process_resident_memory_bytes", help: "Resident set size in bytes.") { residentBytes() })
        registry.register(Gauge(name: "process_start_time_seconds", help: "Start time since the Unix epoch.") { started })
        registry.register(Gauge(name: "gateway_http_requests_in_flight", help: "Requests received and not yet answered.") {
            Double(inFlight())
        })
    }

    /// Second field of /proc/self/statm (pages) times the page size.
    static func residentBytes() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Double(fields[1]) else { return 0 }
        return pages * Double(sysconf(Int32(_SC_PAGESIZE)))
    }
}
