import GatewayRedis
import GatewayTesting
import Testing

/// `RedisClient.commandsSent`: what benchmarks and store tests count round trips with.
@Suite struct RedisCommandCounterTests {
    @Test func eachCommandCountsOnceAndAPipelineCountsEachOfItsCommands() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server)
        #expect(client.commandsSent == 0)

        _ = try client.command(["SET", "k", "v"])
        try client.ping()
        #expect(client.commandsSent == 2, "the connection handshake is not counted")
        _ = try client.pipeline([["GET", "k"], ["GET", "k"], ["DEL", "k"]])
        #expect(client.commandsSent == 5)
        _ = try client.command(["NOSUCHCOMMAND"])
        #expect(client.commandsSent == 6, "an error reply was still sent")
    }

    @Test func retryOnANewConnectionCountsAsASecondCommand() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server, options: RedisOptions(connectTimeout: 0.5, commandTimeout: 0.5, maxConnections: 4))
        try client.ping()

        server.stop()
        try server.start()
        #expect(try client.command(["INCR", "n"]) == .integer(1))
        #expect(client.commandsSent == 3, "PING, INCR on the stale connection, INCR again")
    }

    @Test func commandThatNeverLeftBecauseRedisIsDownIsNotCounted() throws {
        let client = try makeClient(port: freeLoopbackPort(), options: RedisOptions(connectTimeout: 0.5, commandTimeout: 0.5))
        #expect(isUnavailable(redisError { try client.ping() }))
        #expect(client.commandsSent == 0)
    }
}
