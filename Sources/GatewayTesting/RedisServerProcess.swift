import Foundation

/// A private `redis-server` on a loopback port, started and stopped by a test so it can
/// observe what the code under test does when Redis goes away and comes back.
/// Persistence is off; the data lives only in memory.
public final class RedisServerProcess: @unchecked Sendable {
    /// The TCP port the server listens on (the same across restarts).
    public let port: UInt16
    private let password: String?
    private var process: Process?

    /// `redis://127.0.0.1:PORT` (with the password when one is set).
    public var url: String {
        if let password { return "redis://:\(password)@127.0.0.1:\(port)/0" }
        return "redis://127.0.0.1:\(port)/0"
    }

    /// Starts a server on a free port; `password` turns on `requirepass`.
    public init(password: String? = nil) throws {
        self.port = freeLoopbackPort()
        self.password = password
        try start()
    }

    deinit { stop() }

    /// Starts (or restarts) the server on the same port and waits until it accepts connections.
    public func start() throws {
        guard process == nil else { return }
        let server = Process()
        server.executableURL = URL(fileURLWithPath: Self.binary())
        var arguments = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                         "--daemonize", "no", "--loglevel", "warning"]
        if let password { arguments += ["--requirepass", password] }
        server.arguments = arguments
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        process = server
        try waitUntil(accepting: true)
    }

    /// Stops the server (SIGKILL, like a crash) and waits until the port refuses connections.
    public func stop() {
        guard let server = process else { return }
        server.terminate()
        kill(server.processIdentifier, SIGKILL)
        server.waitUntilExit()
        process = nil
        try? waitUntil(accepting: false)
    }

    private func waitUntil(accepting: Bool) throws {
        for _ in 0..<500 {
            if Self.portAccepts(port) == accepting { return }
            usleep(10_000)
        }
        throw RedisServerProcessError.timeout(port: port)
    }

    private static func binary() -> String {
        for candidate in ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return "redis-server"
    }

    /// True when a TCP connect to 127.0.0.1:port succeeds.
    public static func portAccepts(_ port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0
    }
}

/// Why a test Redis could not be started or stopped.
public enum RedisServerProcessError: Error, Sendable {
    /// The port did not change state within five seconds.
    case timeout(port: UInt16)
}
