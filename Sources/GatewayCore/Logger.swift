import Synchronization

/// Severity of a log line.
public enum LogLevel: String, Sendable, Comparable, CaseIterable {
    case debug, info, warning, error

    private var rank: Int { Self.allCases.firstIndex(of: self)! }

    /// Orders levels from `debug` (lowest) to `error`.
    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rank < rhs.rank }
}

/// A value in a structured log line.
public enum LogValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String), int(Int), double(Double), bool(Bool)

    /// A string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer value.
    public init(integerLiteral value: Int) { self = .int(value) }
}

/// Where finished log lines go.
public protocol LogSink: Sendable {
    /// Writes one complete line of UTF-8 (without the trailing newline).
    func write(line: [UInt8])
}

/// Structured JSON logs, one object per line. Callers pass only technical fields: the
/// logger never receives personal data because no call site hands it any (see README).
public final class Logger: Sendable {
    private let minimumLevel: LogLevel
    private let sink: any LogSink
    private let clock: any Clock

    /// A logger writing lines at or above `minimumLevel` to `sink`.
    public init(minimumLevel: LogLevel = .info, sink: any LogSink, clock: any Clock = SystemClock()) {
        self.minimumLevel = minimumLevel
        self.sink = sink
        self.clock = clock
    }

    /// Logs `event` with `fields` when `level` is enabled.
    public func log(_ level: LogLevel, _ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        guard level >= minimumLevel else { return }
        var json = JSONLine()
        json.add("ts", .string(clock.now().iso8601Milliseconds))
        json.add("level", .string(level.rawValue))
        json.add("event", .string(event))
        for (key, value) in fields { json.add(key, value) }
        sink.write(line: json.finish())
    }

    /// Logs at `info`.
    public func info(_ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) { log(.info, event, fields) }
    /// Logs at `warning`.
    public func warning(_ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) { log(.warning, event, fields) }
    /// Logs at `error`.
    public func error(_ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) { log(.error, event, fields) }
}

/// Keeps every line in memory: for tests that check what was (and was not) logged.
public final class MemoryLogSink: LogSink {
    private let storage = Mutex<[String]>([])

    /// An empty sink.
    public init() {}

    /// Appends the line.
    public func write(line: [UInt8]) {
        let text = String(decoding: line, as: UTF8.self)
        storage.withLock { $0.append(text) }
    }

    /// Every line written so far.
    public var lines: [String] { storage.withLock { $0 } }
}
