internal import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#endif

/// A bound, listening, non-blocking TCP socket handed to libmicrohttpd. Binding it here
/// (rather than inside MHD) gives a clear error and the real port when port 0 was asked.
struct ListeningSocket {
    let descriptor: Int32
    let port: UInt16

    /// `count` sockets on one port, each for its own worker: with `SO_REUSEPORT` the kernel
    /// spreads new connections over them by a hash of the peer's address and port. (With
    /// one socket shared by a thread pool, whichever worker wakes first accepts a whole
    /// burst of connections: 29 of 32 keep-alive connections were seen on one of four
    /// workers, which then served nearly all requests alone while the others idled.)
    /// A port held by anyone else — even with `SO_REUSEPORT`, as another gateway would —
    /// is refused first by a plain bind, so two gateways never split one port's traffic.
    static func group(host: String, port: UInt16, count: Int) throws(HTTPServerError) -> [ListeningSocket] {
        guard count > 1 else { return [try ListeningSocket(host: host, port: port)] }
        if port != 0 { close(try ListeningSocket(host: host, port: port, listening: false).descriptor) }
        let first = try ListeningSocket(host: host, port: port, sharedPort: true)
        var sockets = [first]
        do {
            for _ in 1..<count { sockets.append(try ListeningSocket(host: host, port: first.port, sharedPort: true)) }
        } catch {
            for socket in sockets { close(socket.descriptor) }
            throw error
        }
        return sockets
    }

    init(host: String, port: UInt16, sharedPort: Bool = false, listening: Bool = true, backlog: Int32 = 1024) throws(HTTPServerError) {
        guard let address = IPAddress(host) else { throw .invalidAddress(host) }
        let family = address.bytes.count == 4 ? AF_INET : AF_INET6
        let fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw .socket("socket", errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        if sharedPort { setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, socklen_t(MemoryLayout<Int32>.size)) }
        let bound = Self.bind(fd, address: address, port: port)
        guard bound == 0, !listening || listen(fd, backlog) == 0 else {
            let code = errno
            close(fd)
            throw .socket(bound == 0 ? "listen" : "bind \(host):\(port)", code)
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        descriptor = fd
        self.port = Self.localPort(fd) ?? port
    }

    private static func bind(_ fd: Int32, address: IPAddress, port: UInt16) -> Int32 {
        if address.bytes.count == 4 {
            var v4 = sockaddr_in()
            v4.sin_family = sa_family_t(AF_INET)
            v4.sin_port = port.bigEndian
            withUnsafeMutableBytes(of: &v4.sin_addr) { $0.copyBytes(from: address.bytes) }
            return withUnsafePointer(to: &v4) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
        }
        var v6 = sockaddr_in6()
        v6.sin6_family = sa_family_t(AF_INET6)
        v6.sin6_port = port.bigEndian
        withUnsafeMutableBytes(of: &v6.sin6_addr) { $0.copyBytes(from: address.bytes) }
        return withUnsafePointer(to: &v6) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        }
    }

    private static func localPort(_ fd: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let ok = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard ok == 0 else { return nil }
        return SocketAddress.port(of: storage)
    }
}

/// Reading addresses out of C socket structures.
enum SocketAddress {
    static func port(of storage: sockaddr_storage) -> UInt16 {
        var copy = storage
        return withUnsafePointer(to: &copy) { pointer in
            if storage.ss_family == sa_family_t(AF_INET) {
                return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
        }
    }

    /// Numeric text of an IPv4/IPv6 socket address (IPv4-mapped IPv6 shown as IPv4).
    static func text(of address: UnsafePointer<sockaddr>?) -> String {
        guard let address else { return "unknown" }
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            let v4 = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            return IPAddress(bytes: withUnsafeBytes(of: v4) { Array($0) }).description
        case AF_INET6:
            let v6 = address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
            return IPAddress(IPAddress(bytes: withUnsafeBytes(of: v6) { Array($0) }).description)?.description ?? "unknown"
        default:
            return "unknown"
        }
    }
}
