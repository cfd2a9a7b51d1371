/// A reply from Redis (RESP2), copied out of hiredis so it outlives the C reply object.
public enum RedisValue: Sendable, Equatable {
    /// A bulk string: arbitrary bytes, NUL included.
    case bulk([UInt8])
    /// A status reply such as `OK` or `PONG`.
    case status(String)
    /// An integer reply (`INCR`, `DEL`, `TTL`, ...).
    case integer(Int64)
    /// A multi-bulk reply; elements may themselves be arrays.
    case array([RedisValue])
    /// A nil reply: missing key, `BLPOP` timeout, nil array.
    case null
    /// An error reply (`WRONGTYPE ...`, `ERR ...`): the command reached Redis and was refused.
    case error(String)
}

extension RedisValue {
    /// The text of a status reply, or of a bulk reply that is valid UTF-8.
    public var string: String? {
        switch self {
        case .status(let text): text
        case .bulk(let bytes): String(validating: bytes, as: UTF8.self)
        default: nil
        }
    }

    /// An integer reply, or a bulk or status reply holding a decimal integer (e.g. `GET` of a counter).
    public var int: Int? {
        switch self {
        case .integer(let value): Int(exactly: value)
        case .bulk, .status: string.flatMap { Int($0) }
        default: nil
        }
    }

    /// True for the status reply `OK`.
    public var isOK: Bool { self == .status("OK") }

    /// True for a nil reply.
    public var isNull: Bool { self == .null }

    /// The bytes of a bulk reply.
    public var bytes: [UInt8]? {
        if case .bulk(let bytes) = self { return bytes }
        return nil
    }

    /// The elements of an array reply.
    public var elements: [RedisValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The message of an error reply.
    public var errorMessage: String? {
        if case .error(let message) = self { return message }
        return nil
    }
}
