/// Why a library system could not answer. The caller shows "library system unavailable,
/// try again later" and changes nothing.
public enum LibrarySystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The system was unreachable, too slow, or answered something unusable. `reason` is
    /// for the log: it names what went wrong (`timeout`, `HTTP 503`, `invalid JSON`) and
    /// never contains card numbers, secrets or member references.
    case unavailable(reason: String)

    /// A loggable one-liner.
    public var description: String {
        switch self {
        case .unavailable(let reason): "library system unavailable: \(reason)"
        }
    }
}
