import Foundation
import Synchronization

/// One request as the stub server saw it.
struct LibrarySystemStubRequest: Sendable {
    let method: String
    let path: String
    let headers: [String: String]
    let body: String
}

/// What the stub answers: a status and body, optionally only after a delay (to outlast
/// the client's timeout).
struct LibrarySystemStubResponse: Sendable {
    var status: Int
    var body: String
    var delaySeconds: Double = 0
    var headers: [String: String] = [:]

    static func json(_ body: String, status: Int = 200) -> LibrarySystemStubResponse {
        LibrarySystemStubResponse(status: status, body: body)
    }
}

/// A minimal blocking HTTP/1.1 server on 127.0.0.1 standing in for the library system:
/// one thread accepts, one thread per connection answers one request and closes. Enough
/// for URLSession, and fully under the test's control (delays, garbage, status codes).
final class LibrarySystemStubServer: Sendable {
    let port: UInt16
    private let listener: Int32
    private let stopped = Atomic<Bool>(false)
    private let received = Mutex<[LibrarySystemStubRequest]>([])
    private let handler: @Sendable (LibrarySystemStubRequest) -> LibrarySystemStubResponse

    init(handler: @escaping @Sendable (LibrarySystemStubRequest) -> LibrarySystemStubResponse) throws {
        (listener, port) = try Self.listen()
        self.handler = handler
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    /// Every request received so far.
    var requests: [LibrarySystemStubRequest] { received.withLock { $0 } }

    /// Stops accepting; delayed answers still pending give up.
    func stop() {
        guard !stopped.exchange(true, ordering: .sequentiallyConsistent) else { return }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private static func listen() throws -> (Int32, UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && Glibc.listen(fd, 64) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, ok else { throw StubServerError.cannotListen }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while !stopped.load(ordering: .sequentiallyConsistent) {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            Thread { [self] in serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        guard let request = Self.readRequest(connection) else { return }
        received.withLock { $0.append(request) }
        let response = handler(request)
        if response.delaySeconds > 0 { waitOrStop(response.delaySeconds) }
        var head = "HTTP/1.1 \(response.status) Stub\r\nContent-Type: application/json\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(response.body.utf8.count)\r\nConnection: close\r\n\r\n"
        let bytes = Array((head + response.body).utf8)
        _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    private func waitOrStop(_ seconds: Double) {
        var remaining = seconds
        while remaining > 0, !stopped.load(ordering: .sequentiallyConsistent) {
            usleep(20_000)
            remaining -= 0.02
        }
    }

    /// Reads the head up to the blank line, then `Content-Length` bytes of body.
    private static func readRequest(_ connection: Int32) -> LibrarySystemStubRequest? {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        let separator = Array("\r\n\r\n".utf8)
        var headEnd: Int?
        var bodyLength = 0
        while headEnd.map({ buffer.count < $0 + bodyLength }) ?? true {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return nil }
            buffer += chunk.prefix(count)
            if headEnd == nil, let end = buffer.firstRange(of: separator)?.upperBound {
                headEnd = end
                bodyLength = contentLength(String(decoding: buffer[..<end], as: UTF8.self))
            }
        }
        guard let headEnd else { return nil }
        return parse(head: String(decoding: buffer[..<headEnd], as: UTF8.self),
                     body: String(decoding: buffer[headEnd...], as: UTF8.self))
    }

    private static func contentLength(_ head: String) -> Int {
        parseHeaders(head)["content-length"].flatMap { Int($0) } ?? 0
    }

    private static func parseHeaders(_ head: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in head.components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }

    private static func parse(head: String, body: String) -> LibrarySystemStubRequest? {
        let requestLine = head.prefix { $0 != "\r" }.split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        return LibrarySystemStubRequest(
            method: String(requestLine[0]), path: String(requestLine[1]), headers: parseHeaders(head), body: body)
    }
}

enum StubServerError: Error {
    case cannotListen
}
