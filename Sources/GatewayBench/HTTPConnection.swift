#if canImport(Glibc)
import Glibc
#endif

/// One keep-alive HTTP/1.1 connection over loopback TCP, with blocking sockets: the load
/// generators run one per thread. Requests are prepared byte strings; responses must carry
/// `Content-Length` (the gateway's always do). Anything else is a `Failure`.
final class HTTPConnection {
    /// A transport or framing problem; the caller reconnects and counts it.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let port: UInt16
    private var socket: Int32 = -1
    private var parser = ResponseParser()
    private var chunk = [UInt8](repeating: 0, count: 65_536)

    /// Connects to 127.0.0.1:`port` with TCP_NODELAY.
    init(port: UInt16) throws(Failure) {
        self.port = port
        try connect()
    }

    deinit { if socket >= 0 { close(socket) } }

    /// Drops the connection (if any) and opens a new one.
    func reconnect() throws(Failure) {
        if socket >= 0 { close(socket) }
        socket = -1
        parser.reset()
        try connect()
    }

    private func connect() throws(Failure) {
        socket = try Self.connectedSocket(port: port)
    }

    /// A TCP socket connected to 127.0.0.1:`port` with TCP_NODELAY (blocking).
    static func connectedSocket(port: UInt16) throws(Failure) -> Int32 {
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let status = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else {
            close(fd)
            throw Failure(description: "connect to 127.0.0.1:\(port) failed: errno \(errno)")
        }
        return fd
    }

    /// Sends `request` and reads its response.
    func roundTrip(_ request: [UInt8]) throws(Failure) -> HTTPReply {
        try send(request)
        return try receive()
    }

    /// Writes all of `bytes`.
    func send(_ bytes: [UInt8]) throws(Failure) { try Self.sendAll(bytes, on: socket) }

    /// Writes all of `bytes` to `fd` (waiting for room if it is non-blocking).
    static func sendAll(_ bytes: [UInt8], on fd: Int32) throws(Failure) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN {
                var waiting = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                _ = poll(&waiting, 1, 1000)
                continue
            }
            guard count > 0 else { throw Failure(description: "send failed: errno \(errno)") }
            sent += count
        }
    }

    /// Reads one response: status line, headers, `Content-Length` bytes of body.
    func receive() throws(Failure) -> HTTPReply {
        while true {
            if let reply = try parser.take() { return reply }
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress!, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw Failure(description: count == 0 ? "connection closed by the server" : "recv failed: errno \(errno)") }
            chunk.withUnsafeBytes { parser.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
    }
}
