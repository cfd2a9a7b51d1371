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

    /// `http.max_connections_per_ip` holds across all workers: each daemon would count only
    /// its own connections, and four workers would then admit four times the limit.
    @Test func connectionsPerAddressAreCountedAcrossAllWorkers() throws {
        let test = try TestServer(configuration: HTTPServerConfiguration(port: 0, threads: 4, maxConnectionsPerIP: 3))
        var held = try (0..<3).map { _ in try RawHTTPConnection(port: test.port) }
        for connection in held {
            try connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(try connection.readResponse().status == 200)
        }
        // Further connections from the same address are closed unanswered, whichever worker accepts them.
        for _ in 0..<8 {
            let extra = try RawHTTPConnection(port: test.port)
            try? extra.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(extra.waitForClose(timeout: 5))
        }
        // A closed connection frees its place once the server has seen the close.
        held.removeFirst() // its last reference: the socket is closed
        var answered = false
        for _ in 0..<50 where !answered {
            let next = try RawHTTPConnection(port: test.port)
            try? next.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            answered = (try? next.readResponse(timeout: 1))?.status == 200
            if !answered { usleep(20_000) }
        }
        withExtendedLifetime(held) { #expect(answered) } // the other two stay open throughout
    }
}
