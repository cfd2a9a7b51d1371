import Foundation
import GatewayRedis
import GatewayTesting

/// A private redis-server listening only on a Unix socket (RedisServerProcess is TCP-only).
final class UnixSocketRedisServer {
    let directory = TemporaryDirectory(prefix: "redis-unix")
    let socketPath: String
    private let process = Process()

    init() throws {
        socketPath = directory.file("redis.sock")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/redis-server")
        process.arguments = ["--port", "0", "--unixsocket", socketPath, "--unixsocketperm", "700",
                             "--save", "", "--appendonly", "no", "--loglevel", "warning"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let probe = RedisClient(endpoint: RedisEndpoint(address: .unix(path: socketPath)))
        for _ in 0..<500 {
            if (try? probe.ping()) != nil { return }
            usleep(10_000)
        }
        throw RedisError.unavailable("redis-server did not open \(socketPath)")
    }

    deinit {
        // SIGKILL, not terminate(): a child spawned from a dispatch worker thread inherits
        // its blocked signal mask, SIGTERM included, and would never exit.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        directory.remove()
    }
}
