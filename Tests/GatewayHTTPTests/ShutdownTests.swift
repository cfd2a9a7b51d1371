import Foundation
import GatewayHTTP
import GatewayTesting
import Testing

@Suite struct ShutdownTests {
    @Test func requestInFlightCompletesDuringGracefulStop() throws {
        let test = try TestServer()
        let connection = try test.startInFlight("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n")
        let stopped = test.stopInBackground()
        let response = try connection.readResponse()
        #expect(response.status == 200)
        #expect(response.text == "slow done")
        #expect(response.header("connection")?.lowercased() == "close", "\(response.headers)")
        #expect(stopped.wait(timeout: .now() + 5) == .success)
        #expect(!RedisServerProcess.portAccepts(test.port))
    }

    @Test func stopRefusesNewConnectionsAtOnce() throws {
        let test = try TestServer()
        #expect(try rawRequest(port: test.port, "GET", "/hello").status == 200)
        test.server.stop()
        #expect(!RedisServerProcess.portAccepts(test.port))
        #expect(test.server.requestsInFlight == 0)
    }

    @Test func startingTwiceOnTheSamePortFailsWithAClearError() throws {
        let test = try TestServer()
        let second = HTTPServer(configuration: HTTPServerConfiguration(port: test.port), responder: Refuser())
        #expect(throws: HTTPServerError.self) { try second.start() }
        do { try second.start() } catch { #expect(error.description.contains("bind 127.0.0.1:\(test.port)")) }
    }
}

private struct Refuser: HTTPResponder {
    func respond(to request: HTTPRequest) -> HTTPResponse { .text("no", status: 503) }
    func bodyTooLarge(_ request: HTTPRequest, limit: Int) -> HTTPResponse { .text("no", status: 413) }
}
