/// Why a Redis URL was refused.
///
/// `reason` names the exact problem (scheme, host, port, database, query parameter, ...)
/// and never contains the password, so it can be logged and shown at startup.
public struct RedisURLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `port 'abc' is not a number`.
    public let reason: String

    /// An error with this reason.
    public init(reason: String) {
        self.reason = reason
    }

    /// `invalid Redis URL: <reason>`.
    public var description: String { "invalid Redis URL: \(reason)" }
}
