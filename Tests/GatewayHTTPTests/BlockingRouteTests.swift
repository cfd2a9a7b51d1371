import Foundation
import GatewayHTTP
import GatewayTesting
import Testing

@Suite struct BlockingRouteTests {
    /// One worker thread: without offloading, the held request would occupy it and /hello
    /// could not be answered. `/hash` waits until the test releases it, when it passes a
    /// semaphore (created at 0 and signalled once: libdispatch traps on disposing a
    /// semaphore below its initial value).
    private func server(release: DispatchSemaphore? = nil) throws -> TestServer {
        try TestServer(configuration: HTTPServerConfiguration(threads: 1)) { router in
            TestServer.standardRoutes(&router)
            router.post("/hash", blocking: true) { _ in
                _ = release?.wait(timeout: .now() + 10)
                return .text("hashed")
            }
        }
    }

    @Test func otherRequestsAreAnsweredWhileABlockingRouteRuns() throws {
        let release = DispatchSemaphore(value: 0)
        let test = try server(release: release)
        let slow = try test.startInFlight("POST /hash HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        // /hash is still held: these are answered on the only worker thread meanwhile.
        for _ in 0..<5 { #expect(try rawRequest(port: test.port, "GET", "/hello").text == "hello") }
        release.signal()
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
        let release = DispatchSemaphore(value: 0)
        let test = try server(release: release)
        let slow = try test.startInFlight("POST /hash HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        let stopped = test.stopInBackground()
        #expect(stopped.wait(timeout: .now() + 0.3) == .timedOut, "stop must wait for the held request")
        release.signal()
        #expect(try slow.readResponse().text == "hashed")
        #expect(stopped.wait(timeout: .now() + 5) == .success)
    }

    /// `blockingWhen` decides per request, with the whole body at hand: a request it picks
    /// runs off the (single) worker thread, one it does not pick runs on it.
    @Test func blockingWhenPicksRequestsByTheirBody() throws {
        let test = try TestServer(configuration: HTTPServerConfiguration(threads: 1)) { router in
            router.get("/thread") { _ in .text(String(UInt(pthread_self()))) }
            router.add("POST", "/maybe", blockingWhen: { String(decoding: $0.body, as: UTF8.self) == "slow" }) { _ in
                .text(String(UInt(pthread_self())))
            }
        }
        let worker = try rawRequest(port: test.port, "GET", "/thread").text
        let fast = try rawRequest(port: test.port, "POST", "/maybe", headers: ["Content-Type": "text/plain"], body: "fast").text
        let slow = try rawRequest(port: test.port, "POST", "/maybe", headers: ["Content-Type": "text/plain"], body: "slow").text
        #expect(fast == worker)
        #expect(slow != worker)
    }
}
