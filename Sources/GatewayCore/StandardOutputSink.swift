#if canImport(Glibc)
import Glibc
#endif

/// Writes log lines to file descriptor 1 with one `write(2)` each, so lines from
/// concurrent threads never interleave (Swift 6 forbids the shared `stdout` global).
public struct StandardOutputSink: LogSink {
    /// A sink for the process's standard output.
    public init() {}

    /// Writes `line` plus a newline in a single system call.
    public func write(line: [UInt8]) {
        var bytes = line
        bytes.append(0x0A)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(1, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }
}
