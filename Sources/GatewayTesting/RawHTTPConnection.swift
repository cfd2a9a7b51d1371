import Foundation

/// A bare TCP connection to a test server on 127.0.0.1 that sends exactly the bytes a test
/// gives it: for keep-alive, malformed requests and slow clients, which a real HTTP
/// client library would not produce.
public final class RawHTTPConnection {
    private let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to 127.0.0.1:`port`.
    public init(port: UInt16) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw RawHTTPError.connectFailed(errno)
        }
    }

    deinit { close(fd) }

    /// Sends all of `text`'s UTF-8 bytes.
    public func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Sends all of `bytes`.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw RawHTTPError.closed }
            offset += sent
        }
    }

    /// Reads one complete response (Content-Length framed, or until close); `headOnly` for
    /// answers to HEAD, which announce a length but carry no body.
    public func readResponse(timeout: Double = 5, headOnly: Bool = false) throws -> RawHTTPResponse {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let response = RawHTTPResponse.parse(&buffer, complete: false, headOnly: headOnly) { return response }
            guard Date() < deadline else { throw RawHTTPError.timeout }
            if try readMore(until: deadline) == 0 {
                if let response = RawHTTPResponse.parse(&buffer, complete: true, headOnly: headOnly) { return response }
                throw RawHTTPError.closed
            }
        }
    }

    /// True when the server closes the connection (read returns 0) within `timeout` seconds.
    public func waitForClose(timeout: Double) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            guard let count = try? readMore(until: deadline) else { return true }
            if count == 0 { return true }
        }
        return false
    }

    private func readMore(until deadline: Date) throws -> Int {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
        guard poll(&poller, 1, milliseconds) > 0 else { throw RawHTTPError.timeout }
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 { throw RawHTTPError.closed }
        buffer.append(contentsOf: chunk.prefix(count))
        return count
    }
}

/// Why a raw exchange failed.
public enum RawHTTPError: Error {
    case connectFailed(Int32), closed, timeout
}

/// A parsed response.
public struct RawHTTPResponse: Sendable {
    /// Status code.
    public let status: Int
    /// Header fields, names lower-cased, in order.
    public let headers: [(name: String, value: String)]
    /// Body bytes.
    public let body: [UInt8]

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? { headers.first { $0.name == name.lowercased() }?.value }

    /// The body as UTF-8 text.
    public var text: String { String(decoding: body, as: UTF8.self) }

    static func parse(_ buffer: inout [UInt8], complete: Bool, headOnly: Bool) -> RawHTTPResponse? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = (0..<max(0, buffer.count - 3)).first(where: { Array(buffer[$0..<$0 + 4]) == separator }) else { return nil }
        let head = String(decoding: buffer[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { return nil }
        let headers = head.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let bodyStart = end + 4
        let length = headOnly ? 0 : headers.first { $0.name == "content-length" }.flatMap { Int($0.value) }
        guard let length else {
            guard complete else { return nil }
            let body = Array(buffer[bodyStart...])
            buffer.removeAll()
            return RawHTTPResponse(status: status, headers: headers, body: body)
        }
        guard buffer.count >= bodyStart + length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        buffer.removeFirst(bodyStart + length)
        return RawHTTPResponse(status: status, headers: headers, body: body)
    }
}

/// One request on a fresh connection: the common case.
public func rawRequest(port: UInt16, _ method: String, _ target: String, headers: [String: String] = [:],
                       body: String = "") throws -> RawHTTPResponse {
    let connection = try RawHTTPConnection(port: port)
    var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
    if !body.isEmpty || method == "POST" { text += "Content-Length: \(body.utf8.count)\r\n" }
    try connection.send(text + "\r\n" + body)
    return try connection.readResponse()
}
