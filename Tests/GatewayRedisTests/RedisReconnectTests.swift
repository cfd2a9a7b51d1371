import Foundation
import GatewayRedis
import GatewayTesting
import Testing

@Suite struct RedisReconnectTests {
    static let fast = RedisOptions(connectTimeout: 0.5, commandTimeout: 0.5, maxConnections: 4)

    @Test func nextCommandSucceedsAfterServerRestart() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server, options: Self.fast)
        #expect(try client.command(["SET", "k", "before"]).isOK)

        server.stop()
        let failure = redisError { try client.command(["GET", "k"]) }
        #expect(isUnavailable(failure))
        #expect(isUnavailable(redisError { try client.ping() }))

        try server.start()
        #expect(try client.command(["SET", "k", "after"]).isOK)
        #expect(try client.command(["GET", "k"]).string == "after")
    }

    @Test func commandOnIdleConnectionSurvivesServerRestartThroughOneRetry() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server, options: Self.fast)
        try client.ping()

        server.stop()
        try server.start()
        #expect(try client.command(["INCR", "n"]) == .integer(1), "the stale pooled connection is retried once")
        #expect(try client.command(["GET", "n"]).string == "1", "INCR ran exactly once")
        #expect(try connectedClients(client) == 1)
    }

    @Test func pipelineOnIdleConnectionSurvivesServerRestart() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server, options: Self.fast)
        try client.ping()

        server.stop()
        try server.start()
        #expect(try client.pipeline([["INCR", "n"], ["INCR", "n"]]) == [.integer(1), .integer(2)])
    }

    @Test func connectingToAPortWithNothingListeningThrowsUnavailable() throws {
        let client = try makeClient(port: freeLoopbackPort(), options: Self.fast)
        let failure = redisError { try client.ping() }
        #expect(isUnavailable(failure))
        #expect(failure?.description.contains("Connection refused") == true, "\(String(describing: failure))")
    }

    @Test func commandBlockedLongerThanCommandTimeoutThrowsUnavailableAndIsNotRetried() throws {
        let server = try RedisServerProcess()
        let options = RedisOptions(connectTimeout: 1, commandTimeout: 0.3, maxConnections: 4)
        let client = try makeClient(server, options: options)
        let connectionsBefore = try infoField(client, section: "stats", field: "total_connections_received")

        let failure = redisError { try client.command(["BLPOP", "secret-token-key", "5"]) }
        #expect(isUnavailable(failure))
        #expect(failure?.description.contains("secret-token-key") == false, "no argument in the message")

        try client.ping()
        let connectionsAfter = try infoField(client, section: "stats", field: "total_connections_received")
        #expect(connectionsAfter == connectionsBefore + 1, "only the replacement connection was opened")
        #expect(try client.command(["LPUSH", "q", "job"]) == .integer(1))
        #expect(try client.command(["BLPOP", "q", "1"]) == .array([.bulk(Array("q".utf8)), .bulk(Array("job".utf8))]))
    }

    @Test func waitingForABusyPoolGivesUpAfterCommandTimeout() throws {
        let server = try RedisServerProcess()
        let options = RedisOptions(connectTimeout: 1, commandTimeout: 0.5, maxConnections: 1)
        let client = try makeClient(server, options: options)
        try client.ping()

        let done = DispatchSemaphore(value: 0)
        let holder = Thread {
            // Three replies 0.3 s apart: every read is within the timeout, the checkout lasts ~0.9 s.
            _ = try? client.pipeline(Array(repeating: ["BLPOP", "empty", "0.3"], count: 3))
            done.signal()
        }
        holder.start()
        Thread.sleep(forTimeInterval: 0.1)

        let failure = redisError { try client.ping() }
        #expect(isUnavailable(failure))
        done.wait()
        try client.ping()
    }
}
