import Foundation
import GatewayHTTP
import GatewayTesting
import Testing

@Suite struct BlockingRouteTests {
    /// One worker thread: without offloading, the slow request would hold it and /hello wait.
    private func server() throws -> TestServer {
        try TestServer(configuration: HTTPServerConfiguration(threads: 1)) { router in
            TestServer.standardRoutes(&router)
            router.post("/hash", blocking: true) { _ in
                usleep(600_000)
                return .text("hashed")
            }
        }
    }

    @Test func otherRequestsAreAnsweredWhileABlockingRouteRuns() throws {
        let test = try server()
        let slow = try RawHTTPConnection(port: test.port)
        try slow.send("POST /hash HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        while test.server.requestsInFlight == 0 { usleep(1000) }
        for _ in 0..<5 { #expect(try rawRequest(port: test.port, "GET", "/hello").text == "hello") }
        // The quick requests were answered on the only worker thread while /hash still ran.
        #expect(test.server.requestsInFlight == 1)
        let answer = try slow.readResponse()
        #expect(answer.status == 200 && answer.text == "hashed")
        #expect(answer.header("x-content-type-options") == "nosniff")
    }

    @Test func keepAliveContinuesAfterABlockingRoute() throws {
        let test = try server()
        let connection = try RawHTTPConnection(port: test.port)
        try connection.send("POST /hash HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        #expect(try connection.readResponse().text == "hashed")
        try connection.send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(try connection.readResponse().text == "hello")
    }

    @Test func gracefulStopWaitsForABlockingRoute() throws {
        let test = try server()
        let slow = try RawHTTPConnection(port: test.port)
        try slow.send("POST /hash HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        while test.server.requestsInFlight == 0 { usleep(1000) }
        let stopped = DispatchSemaphore(value: 0)
        Thread {
            test.server.stop(drainTimeout: 5)
            stopped.signal()
        }.start()
        #expect(try slow.readResponse().text == "hashed")
        #expect(stopped.wait(timeout: .now() + 5) == .success)
    }
}
