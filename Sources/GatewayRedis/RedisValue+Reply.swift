internal import CHiredis

extension RedisValue {
    /// Copies a hiredis reply and all its elements; the caller still owns and frees `reply`.
    init(reply: UnsafePointer<redisReply>) {
        let reply = reply.pointee
        switch reply.type {
        case REDIS_REPLY_STRING: self = .bulk(Self.bytes(of: reply))
        case REDIS_REPLY_STATUS: self = .status(Self.text(of: reply))
        case REDIS_REPLY_ERROR: self = .error(Self.text(of: reply))
        case REDIS_REPLY_INTEGER: self = .integer(reply.integer)
        case REDIS_REPLY_ARRAY: self = .array(Self.elements(of: reply))
        default: self = .null
        }
    }

    private static func bytes(of reply: redisReply) -> [UInt8] {
        guard reply.len > 0, let start = reply.str else { return [] }
        return [UInt8](UnsafeRawBufferPointer(start: start, count: reply.len))
    }

    private static func text(of reply: redisReply) -> String {
        guard reply.len > 0, let start = reply.str else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: start, count: reply.len), as: UTF8.self)
    }

    private static func elements(of reply: redisReply) -> [RedisValue] {
        guard reply.elements > 0, let elements = reply.element else { return [] }
        return (0..<reply.elements).map { index in
            guard let element = elements[index] else { return .null }
            return RedisValue(reply: element)
        }
    }
}
