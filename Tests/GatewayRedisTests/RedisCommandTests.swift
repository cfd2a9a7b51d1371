import GatewayRedis
import GatewayTesting
import Testing

@Suite struct RedisCommandTests {
    @Test func setGetDeleteExpireAndTTLRoundTrip() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server)
        #expect(try client.command(["SET", "session:1", "alice"]).isOK)
        #expect(try client.command(["GET", "session:1"]) == .bulk(Array("alice".utf8)))
        #expect(try client.command(["GET", "session:1"]).string == "alice")
        #expect(try client.command(["TTL", "session:1"]) == .integer(-1))
        #expect(try client.command(["EXPIRE", "session:1", "100"]) == .integer(1))
        let ttl = try #require(try client.command(["TTL", "session:1"]).int)
        #expect((99...100).contains(ttl))
        #expect(try client.command(["DEL", "session:1", "missing"]) == .integer(1))
        #expect(try client.command(["GET", "session:1"]) == .null)
        #expect(try client.command(["GET", "session:1"]).isNull)
    }

    @Test func binaryValueWithNULBytesRoundTripsUnchanged() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server)
        let key: [UInt8] = [0x6B, 0x00, 0xFF, 0x0D, 0x0A]
        let value: [UInt8] = [0x00, 0x01, 0x00, 0xFE, 0xFF, 0x0D, 0x0A, 0x00]
        #expect(try client.command(bytes: [Array("SET".utf8), key, value]).isOK)
        let reply = try client.command(bytes: [Array("GET".utf8), key])
        #expect(reply.bytes == value)
        #expect(try client.command(bytes: [Array("STRLEN".utf8), key]) == .integer(8))
    }

    @Test func oneMegabyteValueRoundTripsUnchanged() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server)
        let value = (0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(try client.command(bytes: [Array("SET".utf8), Array("big".utf8), value]).isOK)
        #expect(try client.command(bytes: [Array("GET".utf8), Array("big".utf8)]) == .bulk(value))
    }

    @Test func integerArrayNullAndStatusRepliesMapToTheirCases() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server)
        #expect(try client.command(["INCR", "counter"]) == .integer(1))
        #expect(try client.command(["INCRBY", "counter", "41"]).int == 42)
        #expect(try client.command(["GET", "counter"]).int == 42)
        #expect(try client.command(["RPUSH", "list", "a", "b", ""]) == .integer(3))
        #expect(try client.command(["LRANGE", "list", "0", "-1"]) == .array([.bulk(Array("a".utf8)), .bulk(Array("b".utf8)), .bulk([])]))
        #expect(try client.command(["LRANGE", "nothing", "0", "-1"]) == .array([]))
        #expect(try client.command(["MGET", "counter", "missing"]) == .array([.bulk(Array("42".utf8)), .null]))
        #expect(try client.command(["PING"]) == .status("PONG"))
        let nested = try client.command(["EVAL", "return {1, 'x', {2, {}}}", "0"])
        #expect(nested == .array([.integer(1), .bulk(Array("x".utf8)), .array([.integer(2), .array([])])]))
        #expect(nested.elements?.count == 3)
    }

    @Test func scriptRunsByItsSHA1AndIsSentAgainAfterAFlush() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server)
        let script = RedisScript("return {KEYS[1], ARGV[1], redis.call('INCR', KEYS[1])}")
        #expect(script.sha1.count == 40)
        #expect(try client.command(["SCRIPT", "LOAD", script.source]).string == script.sha1, "Redis names it the same")
        #expect(try client.command(["SCRIPT", "FLUSH"]).isOK)

        let before = client.commandsSent
        let first = try client.evaluate(script, keys: ["counter"], arguments: ["a"])
        #expect(first == .array([.bulk(Array("counter".utf8)), .bulk(Array("a".utf8)), .integer(1)]))
        #expect(client.commandsSent - before == 2, "NOSCRIPT, then EVAL with the source")
        let second = try client.evaluate(script, keys: ["counter"], arguments: ["b"])
        #expect(second.elements?.last == .integer(2))
        #expect(client.commandsSent - before == 3, "once loaded, one EVALSHA per call")
        #expect(try client.command(["SCRIPT", "EXISTS", script.sha1]) == .array([.integer(1)]))

        let faulty = RedisScript("return redis.call('NOSUCHCOMMAND')")
        #expect(try client.evaluate(faulty, keys: [], arguments: []).errorMessage != nil, "a script fault is a reply, not a throw")
    }

    @Test func errorReplyIsReturnedNotThrown() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server)
        #expect(try client.command(["LPUSH", "queue", "job"]) == .integer(1))
        let reply = try client.command(["GET", "queue"])
        let message = try #require(reply.errorMessage)
        #expect(message.hasPrefix("WRONGTYPE"))
        #expect(try client.command(["NOSUCHCOMMAND", "x"]).errorMessage?.hasPrefix("ERR") == true)
        #expect(try client.command(["GET", "queue"]).errorMessage != nil, "the connection stays usable")
    }

    @Test func argumentsWithSpacesNewlinesAndFormatDirectivesRoundTripUnchanged() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server)
        let key = "key with spaces\r\n*3\r\n$3\r\nSET\r\n$1\r\nx %s %d %n\0end"
        let value = "value\nline two\r\n*3\r\n$3\r\nDEL\r\n%s%s%s%n \"quoted\" 'single' é 🙂"
        #expect(try client.command(["SET", key, value]).isOK)
        #expect(try client.command(["GET", key]).string == value)
        #expect(try client.command(["DBSIZE"]) == .integer(1), "nothing else was created or deleted")
        #expect(try client.command(["EXISTS", "x"]) == .integer(0))
        #expect(try client.command(["SET", "", ""]).isOK)
        #expect(try client.command(["GET", ""]) == .bulk([]))
    }

    @Test func pipelineReturnsRepliesInOrder() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server)
        let replies = try client.pipeline([
            ["SET", "a", "1"], ["INCR", "a"], ["GET", "a"], ["LPUSH", "a", "x"], ["GET", "missing"], ["PING"],
        ])
        #expect(replies.count == 6)
        #expect(replies[0].isOK)
        #expect(replies[1] == .integer(2))
        #expect(replies[2].string == "2")
        #expect(replies[3].errorMessage?.hasPrefix("WRONGTYPE") == true)
        #expect(replies[4] == .null)
        #expect(replies[5] == .status("PONG"))
        #expect(try client.pipeline([]) == [])
    }

    @Test func pipelineOfManyCommandsKeepsOrder() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server)
        let replies = try client.pipeline((1...1000).map { _ in ["INCR", "n"] })
        #expect(replies == (1...1000).map { RedisValue.integer(Int64($0)) })
    }

    @Test func emptyCommandIsRefusedWithoutReachingTheServer() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server)
        #expect(throws: RedisError.protocolError("empty command")) { try client.command([]) }
        #expect(throws: RedisError.protocolError("empty command in pipeline")) { try client.pipeline([["PING"], []]) }
        try client.ping()
    }

    @Test func pingSucceedsAgainstARunningServer() throws {
        let server = try RedisServerProcess()
        let client = try makeClient(server)
        try client.ping()
    }
}
