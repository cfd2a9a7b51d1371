import GatewayRedis
import Testing

@Suite struct RedisEndpointTests {
    struct ValidCase: Sendable, CustomTestStringConvertible {
        let url: String
        let expected: RedisEndpoint
        var testDescription: String { url }
    }

    static let validURLs: [ValidCase] = [
        ValidCase(url: "redis://localhost", expected: RedisEndpoint(address: .tcp(host: "localhost", port: 6379))),
        ValidCase(url: "redis://127.0.0.1:6380", expected: RedisEndpoint(address: .tcp(host: "127.0.0.1", port: 6380))),
        ValidCase(url: "redis://127.0.0.1:6380/", expected: RedisEndpoint(address: .tcp(host: "127.0.0.1", port: 6380))),
        ValidCase(url: "redis://cache.internal/5",
                  expected: RedisEndpoint(address: .tcp(host: "cache.internal", port: 6379), database: 5)),
        ValidCase(url: "REDIS://Cache-1.example.org:7000/0",
                  expected: RedisEndpoint(address: .tcp(host: "Cache-1.example.org", port: 7000))),
        ValidCase(url: "redis://:s3cret@127.0.0.1:6379/2",
                  expected: RedisEndpoint(address: .tcp(host: "127.0.0.1", port: 6379), password: "s3cret", database: 2)),
        ValidCase(url: "redis://gateway:s3cret@redis:6379/1",
                  expected: RedisEndpoint(address: .tcp(host: "redis", port: 6379), username: "gateway",
                                          password: "s3cret", database: 1)),
        ValidCase(url: "redis://us%40er:p%40ss%3Aw%2Frd%25@host",
                  expected: RedisEndpoint(address: .tcp(host: "host", port: 6379), username: "us@er", password: "p@ss:w/rd%")),
        ValidCase(url: "redis://:p@ss@host:1/3",
                  expected: RedisEndpoint(address: .tcp(host: "host", port: 1), password: "p@ss", database: 3)),
        ValidCase(url: "redis://[::1]", expected: RedisEndpoint(address: .tcp(host: "::1", port: 6379))),
        ValidCase(url: "redis://[::1]:6380/4", expected: RedisEndpoint(address: .tcp(host: "::1", port: 6380), database: 4)),
        ValidCase(url: "redis://:pw@[fe80::1:2]:65535/0",
                  expected: RedisEndpoint(address: .tcp(host: "fe80::1:2", port: 65535), password: "pw")),
        ValidCase(url: "unix:///var/run/redis.sock", expected: RedisEndpoint(address: .unix(path: "/var/run/redis.sock"))),
        ValidCase(url: "unix:///var/run/redis.sock?db=3",
                  expected: RedisEndpoint(address: .unix(path: "/var/run/redis.sock"), database: 3)),
        ValidCase(url: "unix:///tmp/my%20redis.sock?db=1&password=p%26w&username=app",
                  expected: RedisEndpoint(address: .unix(path: "/tmp/my redis.sock"), username: "app",
                                          password: "p&w", database: 1)),
    ]

    @Test(arguments: validURLs)
    func validURLParsesToItsParts(_ testCase: ValidCase) throws {
        #expect(try RedisEndpoint(url: testCase.url) == testCase.expected)
    }

    struct InvalidCase: Sendable, CustomTestStringConvertible {
        let url: String
        let reason: String
        var testDescription: String { url }
    }

    static let invalidURLs: [InvalidCase] = [
        InvalidCase(url: "", reason: "missing scheme: expected redis://host[:port][/db] or unix:///path/to/redis.sock"),
        InvalidCase(url: "localhost:6379", reason: "missing scheme: expected redis://host[:port][/db] or unix:///path/to/redis.sock"),
        InvalidCase(url: "http://localhost", reason: "unsupported scheme 'http://': expected redis:// or unix://"),
        InvalidCase(url: "rediss://:pw@localhost:6380",
                    reason: "rediss:// (TLS) is not supported: hiredis 0.14 has no TLS; use redis:// on a trusted network or a Unix socket"),
        InvalidCase(url: "redis://", reason: "missing host"),
        InvalidCase(url: "redis://:6379/0", reason: "missing host"),
        InvalidCase(url: "redis://:pw@/0", reason: "missing host"),
        InvalidCase(url: "redis://local host", reason: "host 'local host' contains characters not allowed in a host name"),
        InvalidCase(url: "redis://localhost:", reason: "port is empty after ':'"),
        InvalidCase(url: "redis://localhost:http", reason: "port 'http' is not a number"),
        InvalidCase(url: "redis://localhost:-1", reason: "port '-1' is not a number"),
        InvalidCase(url: "redis://localhost:0", reason: "port 0 is out of range 1-65535"),
        InvalidCase(url: "redis://localhost:65536", reason: "port 65536 is out of range 1-65535"),
        InvalidCase(url: "redis://localhost:99999999999999999999999", reason: "port 99999999999999999999999 is out of range 1-65535"),
        InvalidCase(url: "redis://localhost/abc", reason: "database 'abc' is not a non-negative integer"),
        InvalidCase(url: "redis://localhost/-1", reason: "database '-1' is not a non-negative integer"),
        InvalidCase(url: "redis://localhost/1/2", reason: "database '1/2' is not a non-negative integer"),
        InvalidCase(url: "redis://localhost/99999999999", reason: "database 99999999999 is too large"),
        InvalidCase(url: "redis://localhost/0?db=1",
                    reason: "redis:// URLs take no query string or fragment; put the database in the path (/N)"),
        InvalidCase(url: "redis://::1:6379", reason: "IPv6 addresses must be in brackets, e.g. redis://[::1]:6379"),
        InvalidCase(url: "redis://[::1:6379", reason: "IPv6 address is missing its closing ']'"),
        InvalidCase(url: "redis://[::1]6379", reason: "unexpected characters after the IPv6 address; expected ':port'"),
        InvalidCase(url: "redis://[localhost]", reason: "'[localhost]' is not an IPv6 address"),
        InvalidCase(url: "redis://hunter2@localhost",
                    reason: "credentials before '@' must be ':password' or 'username:password'"),
        InvalidCase(url: "redis://user:@localhost", reason: "password after ':' is empty"),
        InvalidCase(url: "redis://:hunter2%zz@localhost",
                    reason: "password contains a '%' that is not followed by two hex digits"),
        InvalidCase(url: "redis://:%ff%fe@localhost", reason: "password is not valid UTF-8 after percent-decoding"),
        InvalidCase(url: "unix://", reason: "missing socket path: expected unix:///path/to/redis.sock"),
        InvalidCase(url: "unix://var/run/redis.sock",
                    reason: "socket path must be absolute: unix:///path/to/redis.sock (three slashes)"),
        InvalidCase(url: "unix:///tmp/r.sock?db=x", reason: "database 'x' is not a non-negative integer"),
        InvalidCase(url: "unix:///tmp/r.sock?db=1&db=2", reason: "query parameter 'db' is given twice"),
        InvalidCase(url: "unix:///tmp/r.sock?hunter2", reason: "query parameter without '=value'"),
        InvalidCase(url: "unix:///tmp/r.sock?timeout=5", reason: "unknown query parameter 'timeout': expected db, username or password"),
        InvalidCase(url: "unix:///tmp/r.sock?password=", reason: "password is empty"),
        InvalidCase(url: "unix:///tmp/r.sock?username=app", reason: "username is given without a password"),
        InvalidCase(url: "unix:///tmp/r.sock#x", reason: "unix:// URLs take no fragment"),
        InvalidCase(url: "unix:///" + String(repeating: "d", count: 120), reason: "socket path is longer than 107 bytes"),
    ]

    @Test(arguments: invalidURLs)
    func invalidURLIsRefusedWithItsReason(_ testCase: InvalidCase) {
        #expect(throws: RedisURLError(reason: testCase.reason)) {
            try RedisEndpoint(url: testCase.url)
        }
    }

    @Test func reasonNeverQuotesThePassword() {
        let urls = ["redis://:hunter2%zz@localhost", "redis://hunter2@localhost", "redis://:hunter2@localhost:x",
                    "unix:///tmp/r.sock?hunter2", "unix:///tmp/r.sock?password=hunter2&db=z", "rediss://:hunter2@h"]
        for url in urls {
            do {
                _ = try RedisEndpoint(url: url)
                Issue.record("\(url.count)-character URL was accepted")
            } catch {
                #expect(!error.reason.contains("hunter2"))
                #expect(!error.description.contains("hunter2"))
            }
        }
    }

    @Test func descriptionHidesThePassword() throws {
        let tcp = try RedisEndpoint(url: "redis://app:hunter2@[::1]:6380/2")
        #expect(tcp.description == "redis://app:***@[::1]:6380/2")
        #expect(tcp.redacted == tcp.description)
        #expect(String(reflecting: tcp) == "RedisEndpoint(redis://app:***@[::1]:6380/2)")
        #expect(!"\(tcp)".contains("hunter2"))
        var dumped = ""
        dump(tcp, to: &dumped)
        #expect(!dumped.contains("hunter2"))

        let unix = try RedisEndpoint(url: "unix:///tmp/r.sock?db=1&password=hunter2")
        #expect(unix.description == "unix:///tmp/r.sock?db=1&password=***")
        #expect(try RedisEndpoint(url: "redis://localhost").description == "redis://localhost:6379/0")
    }
}
