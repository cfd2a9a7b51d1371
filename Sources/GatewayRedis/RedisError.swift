/// Why a Redis call failed.
///
/// Messages come from hiredis, the server or this module and never contain command
/// arguments, which may be tokens or personal data.
public enum RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Redis cannot be reached or did not answer in time: connect refused, I/O error,
    /// connection closed, timeout, no free connection. The gateway answers 503.
    case unavailable(String)
    /// The server refused our `AUTH`, or wants a password we were not configured with.
    case authenticationFailed
    /// An error reply where none is acceptable, e.g. `SELECT` of a database that does not exist.
    case server(String)
    /// The server sent something hiredis could not parse, or the command was malformed.
    case protocolError(String)

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .unavailable(let message): "Redis unavailable: \(message)"
        case .authenticationFailed: "Redis authentication failed (wrong or missing password or user)"
        case .server(let message): "Redis error reply: \(message)"
        case .protocolError(let message): "Redis protocol error: \(message)"
        }
    }
}
