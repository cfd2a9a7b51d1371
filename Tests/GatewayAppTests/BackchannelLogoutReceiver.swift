import Dispatch
import Foundation
import GatewayCore
import GatewayHTTP
import Synchronization

/// Things that happen on other threads, kept in order; a test waits for them with a
/// bounded wait (never a sleep, never a duration assertion).
final class Recorder<Element: Sendable>: Sendable {
    private let elements = Mutex<[Element]>([])
    private let changed = DispatchSemaphore(value: 0)

    /// Appends `element` and wakes the waiter.
    func append(_ element: Element) {
        elements.withLock { $0.append(element) }
        changed.signal()
    }

    /// Everything so far.
    var all: [Element] { elements.withLock { $0 } }

    /// Waits until `predicate` holds for what was recorded, at most `seconds`; one waiter at a time.
    @discardableResult
    func waitUntil(seconds: Double = 10, _ predicate: ([Element]) -> Bool) -> Bool {
        let deadline = DispatchTime.now() + seconds
        while !predicate(all) {
            guard changed.wait(timeout: deadline) == .success else { return predicate(all) }
        }
        return true
    }
}

/// Log lines with every value as a string, recorded as they are written.
final class RecordingLogSink: LogSink {
    let lines = Recorder<[String: String]>()
    let raw = Recorder<String>()

    func write(line: [UInt8]) {
        raw.append(String(decoding: line, as: UTF8.self))
        let object = (try? JSONSerialization.jsonObject(with: Data(line))) as? [String: Any] ?? [:]
        lines.append(object.mapValues { "\($0)" })
    }

    /// Lines of event `backchannel_logout` for `clientID`.
    func deliveries(_ clientID: String) -> [[String: String]] {
        lines.all.filter { $0["event"] == "backchannel_logout" && $0["client_id"] == clientID }
    }
}

/// A partner application's back-channel logout endpoint on a real HTTP server (loopback,
/// ephemeral port): records every POST and answers with the next scripted status (the last
/// one repeats). With a `hold` semaphore it keeps each request until the test signals it.
final class LogoutReceiver: Sendable {
    private let endpoint: LogoutEndpoint
    private let server: HTTPServer

    init(statuses: [Int] = [200], hold: DispatchSemaphore? = nil) throws {
        endpoint = LogoutEndpoint(statuses: statuses, hold: hold)
        server = HTTPServer(configuration: HTTPServerConfiguration(port: 0, threads: 2), responder: endpoint)
        try server.start()
    }

    deinit { server.stop(drainTimeout: 0) }

    /// `http://127.0.0.1:<port>/backchannel-logout`.
    var uri: String { "http://127.0.0.1:\(server.port)/backchannel-logout" }
    /// Every POST received, in order.
    var posts: Recorder<LogoutEndpoint.Post> { endpoint.posts }
    /// True when a held request was not released within its bound (it was then answered 500).
    var holdExpired: Bool { endpoint.holdExpired.withLock { $0 } }
}

/// The handler behind `LogoutReceiver`.
final class LogoutEndpoint: HTTPResponder {
    /// One POST as the application saw it.
    struct Post: Sendable {
        let method: String
        let path: String
        let contentType: String?
        let body: String
        /// `logout_token` from the form body.
        var token: String? {
            body.split(separator: "&").first { $0.hasPrefix("logout_token=") }
                .map { String($0.dropFirst("logout_token=".count)).removingPercentEncoding ?? "" }
        }
    }

    let posts = Recorder<Post>()
    let holdExpired = Mutex(false)
    private let statuses: [Int]
    private let hold: DispatchSemaphore?

    init(statuses: [Int], hold: DispatchSemaphore?) {
        self.statuses = statuses
        self.hold = hold
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        let count = posts.all.count
        posts.append(Post(method: request.method, path: request.path, contentType: request.headers["content-type"],
                          body: String(decoding: request.body, as: UTF8.self)))
        if let hold, hold.wait(timeout: .now() + 10) == .timedOut {
            holdExpired.withLock { $0 = true }
            return .text("held too long", status: 500)
        }
        return .text("", status: statuses[min(count, statuses.count - 1)])
    }

    func bodyTooLarge(_ request: HTTPRequest, limit: Int) -> HTTPResponse { .text("too large", status: 413) }
}
