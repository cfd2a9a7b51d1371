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
        // Built from digits into a fixed buffer: this runs for every access-log line.
        var bytes = [UInt8](repeating: 0, count: 24)
        func put(_ value: Int, at offset: Int, width: Int) {
            var remaining = value
            for index in stride(from: offset + width - 1, through: offset, by: -1) {
                bytes[index] = UInt8(ascii: "0") + UInt8(remaining % 10)
                remaining /= 10
            }
        }
        put(Int(parts.tm_year) + 1900, at: 0, width: 4)
        put(Int(parts.tm_mon) + 1, at: 5, width: 2)
        put(Int(parts.tm_mday), at: 8, width: 2)
        put(Int(parts.tm_hour), at: 11, width: 2)
        put(Int(parts.tm_min), at: 14, width: 2)
        put(Int(parts.tm_sec), at: 17, width: 2)
        put(millis, at: 20, width: 3)
        for (index, separator) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "."), (23, "Z")] as [(Int, Unicode.Scalar)] {
            bytes[index] = UInt8(ascii: separator)
        }
        return String(decoding: bytes, as: UTF8.self)
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
