import Foundation
import GatewayRedis
import GatewayTesting
import Synchronization
import Testing

@Suite struct RedisConcurrencyTests {
    @Test func concurrentIncrementsGiveTheExactTotalWithinMaxConnections() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server, options: RedisOptions(maxConnections: 3))
        let opened = try infoField(client, section: "stats", field: "total_connections_received")
        let failures = Atomic<Int>(0)

        DispatchQueue.concurrentPerform(iterations: 200) { _ in
            if (try? client.command(["INCR", "hits"])) == nil { failures.add(1, ordering: .relaxed) }
        }

        #expect(failures.load(ordering: .relaxed) == 0)
        #expect(try client.command(["GET", "hits"]).int == 200)
        #expect(try connectedClients(client) <= 3)
        let openedSince = try infoField(client, section: "stats", field: "total_connections_received") - opened
        #expect(openedSince + 1 <= 3, "connections ever opened: \(openedSince + 1)")
    }

    @Test func moreThreadsThanConnectionsWaitTheirTurnAndNeverExceedMaxConnections() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server, options: RedisOptions(maxConnections: 4))
        let opened = try infoField(client, section: "stats", field: "total_connections_received")
        let failures = Atomic<Int>(0)
        let group = DispatchGroup()

        for _ in 0..<16 {
            group.enter()
            Thread.detachNewThread {
                for _ in 0..<50 where (try? client.pipeline([["INCR", "hits"], ["PING"]])) == nil {
                    failures.add(1, ordering: .relaxed)
                }
                group.leave()
            }
        }
        group.wait()

        #expect(failures.load(ordering: .relaxed) == 0)
        #expect(try client.command(["GET", "hits"]).int == 800)
        #expect(try connectedClients(client) <= 4)
        let openedSince = try infoField(client, section: "stats", field: "total_connections_received") - opened
        #expect(openedSince + 1 <= 4, "connections ever opened: \(openedSince + 1)")
    }
}
