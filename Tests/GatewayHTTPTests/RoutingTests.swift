import Foundation
import GatewayCore
import GatewayHTTP
import GatewayTesting
import Testing

@Suite struct RoutingTests {
    let test: TestServer
    init() throws { test = try TestServer() }

    @Test func knownRouteAnswersWithItsBody() throws {
        let response = try rawRequest(port: test.port, "GET", "/hello")
        #expect(response.status == 200)
        #expect(response.text == "hello")
        #expect(response.header("content-type") == "text/plain; charset=utf-8")
    }

    @Test func headOnAGetRouteSendsHeadersWithoutBody() throws {
        let connection = try RawHTTPConnection(port: test.port)
        try connection.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        let response = try connection.readResponse(headOnly: true)
        #expect(response.status == 200)
        #expect(response.header("content-length") == "5")
        try connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try connection.readResponse().text == "hello")
    }

    @Test func unknownPathIs404WithAJSONError() throws {
        let response = try rawRequest(port: test.port, "GET", "/nothing-here")
        #expect(response.status == 404)
        #expect(response.json["error"] as? String == "not_found")
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let response = try rawRequest(port: test.port, "DELETE", "/hello")
        #expect(response.status == 405)
        #expect(response.header("allow") == "GET, HEAD")
        #expect(response.json["error"] as? String == "method_not_allowed")
    }

    @Test func queryItemsAreFormDecodedAndDuplicatesKept() throws {
        let response = try rawRequest(port: test.port, "GET", "/echo?a=1&b=x+y%2Bz&a=2&empty&e=%C3%A9&bad=%zz")
        let query = response.json["query"] as? [[String]]
        #expect(query == [["a", "1"], ["b", "x y+z"], ["a", "2"], ["empty", ""], ["e", "é"], ["bad", "%zz"]])
        #expect(response.json["path"] as? String == "/echo")
    }

    @Test func percentEncodedPathIsDecoded() throws {
        let response = try rawRequest(port: test.port, "GET", "/h%65llo")
        #expect(response.text == "hello")
    }

    @Test func cookiesHeadersBodyAndPeerReachTheHandler() throws {
        let response = try rawRequest(port: test.port, "POST", "/echo",
                                      headers: ["Cookie": "a=1; __Host-s=\"q\"; a=2", "User-Agent": "tester"],
                                      body: "x=1&y=2")
        #expect(response.json["cookies"] as? [String: String] == ["a": "1", "__Host-s": "q"])
        #expect(response.json["body"] as? String == "x=1&y=2")
        #expect(response.json["user_agent"] as? String == "tester")
        #expect(response.json["peer"] as? String == "127.0.0.1")
        #expect(response.json["scheme"] as? String == "http")
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        let connection = try RawHTTPConnection(port: test.port)
        for _ in 0..<3 {
            try connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
            let response = try connection.readResponse()
            #expect(response.status == 200)
            #expect(response.header("connection")?.lowercased() != "close")
        }
    }

    @Test func throwingHandlerGives500WithoutLeakingTheError() throws {
        let response = try rawRequest(port: test.port, "GET", "/fails")
        #expect(response.status == 500)
        #expect(response.json["error"] as? String == "server_error")
        #expect(!response.text.contains("jan@example.org"))
        let logged = test.logs.lines.joined(separator: "\n")
        #expect(logged.contains("\"error_type\":\"TestFailure\""))
        #expect(!logged.contains("jan@example.org"))
    }
}
