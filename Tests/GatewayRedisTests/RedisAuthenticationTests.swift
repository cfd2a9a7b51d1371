import GatewayRedis
import GatewayTesting
import Testing

@Suite struct RedisAuthenticationTests {
    @Test func rightPasswordLogsIn() throws {
        let server = try RedisServerProcess(password: "s3cret")
        let client = try makeClient(server)
        #expect(try client.command(["SET", "k", "v"]).isOK)
        try client.ping()
    }

    @Test func wrongPasswordThrowsAuthenticationFailed() throws {
        let server = try RedisServerProcess(password: "s3cret")
        let client = RedisClient(endpoint: try RedisEndpoint(url: "redis://:wrong@127.0.0.1:\(server.port)/0"))
        #expect(throws: RedisError.authenticationFailed) { try client.command(["GET", "k"]) }
        #expect(throws: RedisError.authenticationFailed) { try client.ping() }
    }

    @Test func missingPasswordThrowsAuthenticationFailed() throws {
        let server = try RedisServerProcess(password: "s3cret")
        let client = try makeClient(port: server.port)
        #expect(throws: RedisError.authenticationFailed) { try client.command(["GET", "k"]) }
    }

    @Test func passwordForAServerWithoutOneThrowsAuthenticationFailed() throws {
        let server = try RedisServerProcess()
        let client = RedisClient(endpoint: try RedisEndpoint(url: "redis://:unexpected@127.0.0.1:\(server.port)/0"))
        #expect(throws: RedisError.authenticationFailed) { try client.ping() }
    }

    @Test func aclUserWithPercentEncodedPasswordLogsIn() throws {
        let server = try RedisServerProcess()
        let admin = try makeClient(server)
        #expect(try admin.command(["ACL", "SETUSER", "gateway", "on", ">p@ss:w/rd", "~*", "+@all"]).isOK)
        let url = "redis://gateway:p%40ss%3Aw%2Frd@127.0.0.1:\(server.port)/0"
        let client = RedisClient(endpoint: try RedisEndpoint(url: url))
        #expect(try client.command(["ACL", "WHOAMI"]).string == "gateway")
        let impostor = RedisClient(endpoint: try RedisEndpoint(url: "redis://gateway:nope@127.0.0.1:\(server.port)/0"))
        #expect(throws: RedisError.authenticationFailed) { try impostor.ping() }
    }

    @Test func keySetInDatabaseOneIsNotVisibleInDatabaseZero() throws {
        let server = try RedisServerProcess()
        let one = try makeClient(port: server.port, database: 1)
        let zero = try makeClient(port: server.port, database: 0)
        #expect(try one.command(["SET", "only-in-1", "yes"]).isOK)
        #expect(try one.command(["GET", "only-in-1"]).string == "yes")
        #expect(try zero.command(["GET", "only-in-1"]) == .null)
    }

    @Test func databaseSelectionWorksTogetherWithPassword() throws {
        let server = try RedisServerProcess(password: "s3cret")
        let one = RedisClient(endpoint: try RedisEndpoint(url: "redis://:s3cret@127.0.0.1:\(server.port)/1"))
        let zero = try makeClient(server)
        #expect(try one.command(["SET", "k", "1"]).isOK)
        #expect(try zero.command(["EXISTS", "k"]) == .integer(0))
        #expect(try one.command(["EXISTS", "k"]) == .integer(1))
    }

    @Test func nonexistentDatabaseThrowsTheServerError() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(port: server.port, database: 99)
        #expect(throws: RedisError.server("ERR DB index is out of range")) { try client.ping() }
    }
}
