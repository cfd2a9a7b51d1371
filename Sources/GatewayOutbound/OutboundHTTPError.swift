/// Why an outbound HTTP call failed. The reason names the call and the kind of failure
/// only (never a URL or a body), so it can be logged.
public enum OutboundHTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The other side could not be reached in time or answered with something unusable.
    case unavailable(reason: String)

    /// A loggable one-liner.
    public var description: String {
        switch self {
        case .unavailable(let reason): "outbound HTTP call failed: \(reason)"
        }
    }
}
