import Foundation
import GatewayHTTP
import GatewayTesting
import Testing

@Suite struct LimitsTests {
    let test: TestServer
    init() throws {
        test = try TestServer(configuration: HTTPServerConfiguration(connectionTimeoutSeconds: 1, maxHeaderBytes: 8192, maxBodyBytes: 4096))
    }

    @Test func headersWithinTheLimitAreServed() throws {
        let response = try rawRequest(port: test.port, "GET", "/hello", headers: ["X-Filler": String(repeating: "a", count: 2000)])
        #expect(response.status == 200)
    }

    @Test func oversizedHeadersGet431() throws {
        let response = try rawRequest(port: test.port, "GET", "/hello", headers: ["X-Filler": String(repeating: "a", count: 64_000)])
        #expect(response.status == 431)
    }

    @Test func bodyWithinTheLimitIsDelivered() throws {
        let body = String(repeating: "b", count: 4096)
        let response = try rawRequest(port: test.port, "POST", "/echo", body: body)
        #expect(response.status == 200)
        #expect(response.json["body"] as? String == body)
    }

    @Test func declaredOversizedBodyGets413BeforeItIsSent() throws {
        let connection = try RawHTTPConnection(port: test.port)
        try connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10000000\r\n\r\n")
        let response = try connection.readResponse()
        #expect(response.status == 413)
        #expect(response.json["error"] as? String == "request_too_large")
        #expect((response.json["error_description"] as? String)?.contains("4096") == true)
        #expect(response.header("cache-control") == "no-store")
    }

    @Test func chunkedBodyGrowingPastTheLimitGets413() throws {
        let connection = try RawHTTPConnection(port: test.port)
        try connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = String(repeating: "c", count: 3000)
        for _ in 0..<3 { try? connection.send(String(chunk.utf8.count, radix: 16) + "\r\n" + chunk + "\r\n") }
        try? connection.send("0\r\n\r\n")
        let response = try connection.readResponse()
        #expect(response.status == 413)
    }

    @Test func malformedRequestLineGets400() throws {
        let connection = try RawHTTPConnection(port: test.port)
        try connection.send("THIS IS NOT HTTP\r\n\r\n")
        let response = try connection.readResponse()
        #expect(response.status == 400)
    }

    @Test func http11WithoutHostGets400() throws {
        let connection = try RawHTTPConnection(port: test.port)
        try connection.send("GET /hello HTTP/1.1\r\n\r\n")
        #expect(try connection.readResponse().status == 400)
    }

    @Test func slowClientIsDisconnectedAndDoesNotBlockOthers() throws {
        let slow = try RawHTTPConnection(port: test.port)
        try slow.send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Slow: ")
        let start = Date()
        // Meanwhile others are served at once: an idle connection holds no worker.
        for _ in 0..<5 { #expect(try rawRequest(port: test.port, "GET", "/hello").status == 200) }
        #expect(slow.waitForClose(timeout: 5))
        #expect(Date().timeIntervalSince(start) >= 0.9)
    }
}
