import GatewayRedis
import Testing

@Suite struct RedisUnixSocketTests {
    @Test func unixSocketURLWithDatabaseConnectsAndSelectsIt() throws {
        let server = try UnixSocketRedisServer()
        let two = RedisClient(endpoint: try RedisEndpoint(url: "unix://\(server.socketPath)?db=2"))
        let zero = RedisClient(endpoint: try RedisEndpoint(url: "unix://\(server.socketPath)"))
        #expect(try two.command(["SET", "k", "in-2"]).isOK)
        #expect(try two.command(["GET", "k"]).string == "in-2")
        #expect(try zero.command(["GET", "k"]) == .null)
    }

    @Test func missingUnixSocketThrowsUnavailable() throws {
        let client = RedisClient(endpoint: try RedisEndpoint(url: "unix:///nonexistent/redis.sock"))
        #expect(isUnavailable(redisError { try client.ping() }))
    }
}
