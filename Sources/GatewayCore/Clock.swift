#if canImport(Glibc)
import Glibc
#endif

/// A point in time as seconds since the Unix epoch (UTC).
public struct Instant: Sendable, Comparable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z, with sub-second precision.
    public let secondsSinceEpoch: Double

    /// The instant `secondsSinceEpoch` after the epoch.
    public init(secondsSinceEpoch: Double) { self.secondsSinceEpoch = secondsSinceEpoch }

    /// Orders instants in time.
    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSinceEpoch < rhs.secondsSinceEpoch }

    /// `2026-12-03T16:32:09.123Z`.
    public var iso8601Milliseconds: String {
        var seconds = time_t(secondsSinceEpoch.rounded(.down))
        let millis = Int((secondsSinceEpoch - Double(seconds)) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }
}

/// The source of "now". Injected everywhere so tests can fix time.
public protocol Clock: Sendable {
    /// The current wall-clock time.
    func now() -> Instant
    /// A monotonic reading in seconds, for measuring durations.
    func monotonicSeconds() -> Double
}

/// The real clock (`clock_gettime`).
public struct SystemClock: Clock {
    /// The system clock.
    public init() {}

    /// `CLOCK_REALTIME`.
    public func now() -> Instant { Instant(secondsSinceEpoch: Self.read(CLOCK_REALTIME)) }

    /// `CLOCK_MONOTONIC`.
    public func monotonicSeconds() -> Double { Self.read(CLOCK_MONOTONIC) }

    private static func read(_ id: clockid_t) -> Double {
        var spec = timespec()
        clock_gettime(id, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1_000_000_000
    }
}
