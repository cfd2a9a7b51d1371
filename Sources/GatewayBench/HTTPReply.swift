import GatewayCore

/// A response read by `HTTPConnection` or the open loop: status, the raw head and the body.
/// Parsed on bytes: the generators read tens of thousands of these per second.
struct HTTPReply {
    let status: Int
    /// Status line and headers, without the blank line.
    let head: [UInt8]
    let body: [UInt8]

    /// Status and `Content-Length` from a response head; `Transfer-Encoding` is refused.
    static func parse(head: ArraySlice<UInt8>) throws(HTTPConnection.Failure) -> (status: Int, contentLength: Int) {
        let bytes = Array(head)
        guard bytes.count >= 12, bytes.starts(with: Array("HTTP/1.".utf8)),
              let status = Int(String(decoding: bytes[9..<12], as: UTF8.self)) else {
            throw HTTPConnection.Failure(description: "not an HTTP/1.x status line")
        }
        if Bytes.find(Array("\r\ntransfer-encoding:".utf8), in: bytes, caseInsensitive: true) != nil {
            throw HTTPConnection.Failure(description: "Transfer-Encoding is not supported")
        }
        let name = Array("\r\ncontent-length:".utf8)
        guard let at = Bytes.find(name, in: bytes, caseInsensitive: true) else {
            throw HTTPConnection.Failure(description: "response without Content-Length")
        }
        var length = 0, index = at + name.count, digits = 0
        while index < bytes.count, bytes[index] == 32 { index += 1 }
        while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
            length = length * 10 + Int(bytes[index] - 48)
            index += 1
            digits += 1
        }
        guard digits > 0 else { throw HTTPConnection.Failure(description: "bad Content-Length") }
        return (status, length)
    }

    /// The first value of header `name` (case-insensitive), or nil.
    func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        for line in String(decoding: head, as: UTF8.self).split(separator: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == wanted else { continue }
            return line[line.index(after: colon)...].trimmingSpaces
        }
        return nil
    }

    /// Whether the body contains `text` byte for byte.
    func bodyContains(_ text: String) -> Bool { Bytes.find(Array(text.utf8), in: body) != nil }
}
