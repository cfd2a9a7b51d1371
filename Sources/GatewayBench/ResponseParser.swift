/// Bytes read from one connection, cut into complete HTTP/1.1 responses (head +
/// `Content-Length` body). Shared by the blocking and the event-loop clients.
struct ResponseParser {
    private var buffer: [UInt8] = []
    private var start = 0 // first byte not yet handed out

    /// Appends bytes read from the socket.
    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if start > 0, start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Drops whatever was buffered (after a reconnect).
    mutating func reset() {
        buffer.removeAll(keepingCapacity: true)
        start = 0
    }

    /// The next complete response, or nil while more bytes are needed.
    mutating func take() throws(HTTPConnection.Failure) -> HTTPReply? {
        guard let headEnd = Self.headEnd(in: buffer, from: start) else { return nil }
        let parsed = try HTTPReply.parse(head: buffer[start..<headEnd])
        let head = Array(buffer[start..<headEnd])
        let bodyStart = headEnd + 4
        guard buffer.count - bodyStart >= parsed.contentLength else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + parsed.contentLength)])
        start = bodyStart + parsed.contentLength
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
        }
        return HTTPReply(status: parsed.status, head: head, body: body)
    }

    /// Index of the `\r\n\r\n` that ends a response head, or nil.
    private static func headEnd(in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count - from >= 4 else { return nil }
        var index = from
        while index <= bytes.count - 4 {
            if bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 13, bytes[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }
}
