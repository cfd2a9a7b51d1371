#if canImport(Glibc)
import Glibc
#endif

/// Why the HTTP server could not start.
public enum HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// The listen address is not an IP literal.
    case invalidAddress(String)
    /// A socket call failed with `errno`.
    case socket(String, Int32)
    /// libmicrohttpd refused to start the daemon.
    case daemonStartFailed
    /// `start()` was called twice.
    case alreadyStarted

    /// A message naming the address and the system's reason.
    public var description: String {
        switch self {
        case .invalidAddress(let host): "listen address \(host) is not an IPv4 or IPv6 literal"
        case .socket(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        case .daemonStartFailed: "libmicrohttpd could not start (thread or epoll limits?)"
        case .alreadyStarted: "the server is already running"
        }
    }
}
