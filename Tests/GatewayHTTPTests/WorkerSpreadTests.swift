import Foundation
import GatewayHTTP
import GatewayTesting
import Synchronization
import Testing

/// Each worker thread has its own listening socket on the shared port (`SO_REUSEPORT`), so
/// the kernel spreads connections over the workers. With one socket shared by a thread
/// pool, a burst of connections could all land on one worker, which then served nearly
/// every request alone (29 of 32 seen in a benchmark).
@Suite struct WorkerSpreadTests {
    @Test func connectionsAreSpreadOverEveryWorker() throws {
        let threads = Mutex<[String: Int]>([:])
        let test = try TestServer(configuration: HTTPServerConfiguration(port: 0, threads: 4)) { router in
            router.get("/which") { _ in
                let name = String(pthread_self())
                threads.withLock { $0[name, default: 0] += 1 }
                return .text(name)
            }
        }
        // 64 connections held open together, one request on each.
        let connections = try (0..<64).map { _ in try RawHTTPConnection(port: test.port) }
        for connection in connections { try connection.send("GET /which HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n") }
        for connection in connections { #expect(try connection.readResponse().status == 200) }
        let counts = threads.withLock { $0 }
        #expect(counts.values.reduce(0, +) == 64)
        // Binomial(64, 1/4) per worker: mean 16; 40 or more on one worker has odds below 1e-9.
        #expect(counts.count == 4 && counts.values.allSatisfy { $0 < 40 }, "requests per worker thread: \(counts.values.sorted())")
    }
}
