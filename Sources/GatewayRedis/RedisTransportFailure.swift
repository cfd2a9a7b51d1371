/// How a command failed on the wire; decides whether `RedisClient` may retry it.
enum RedisTransportFailure: Error {
    /// A socket read or write blocked longer than `commandTimeout`. Never retried: the
    /// server may still be executing the command.
    case timedOut(String)
    /// The server closed the connection, or the socket reported an error.
    /// `beforeAnyReply` is true when no reply had been read on this checkout yet.
    case connectionLost(String, beforeAnyReply: Bool)
    /// Unparsable data from the server, or hiredis ran out of memory.
    case protocolError(String)

    /// True when the command cannot have been executed and may run again on a new connection.
    var allowsRetry: Bool {
        if case .connectionLost(_, beforeAnyReply: true) = self { return true }
        return false
    }

    /// The public error callers see.
    var redisError: RedisError {
        switch self {
        case .timedOut(let message): .unavailable(message)
        case .connectionLost(let message, _): .unavailable("connection to Redis lost: \(message)")
        case .protocolError(let message): .protocolError(message)
        }
    }
}
