import Dispatch
import Synchronization

/// What the C callbacks need, reached through libmicrohttpd's context pointer. Immutable
/// except for two atomics, so every worker thread may read it at once.
final class ServerContext: Sendable {
    let responder: any HTTPResponder
    let maxBodyBytes: Int
    /// Requests whose request line has arrived and whose response is not yet sent.
    let inFlight = Atomic<Int>(0)
    /// Set by shutdown: responses then say `Connection: close`.
    let draining = Atomic<Bool>(false)
    /// Where blocking routes run while their connection is suspended.
    let blockingQueue = DispatchQueue(label: "gateway.http.blocking", attributes: .concurrent)

    init(responder: any HTTPResponder, maxBodyBytes: Int) {
        self.responder = responder
        self.maxBodyBytes = maxBodyBytes
    }
}

/// One request's state between libmicrohttpd callbacks. Owned by the connection's
/// `con_cls` slot (retained there, released when MHD reports completion) and touched by
/// the worker thread that serves that connection — or, for a blocking route, by one
/// blocking thread while the connection is suspended (MHD does not call back for a
/// suspended connection, and resuming it orders the write before the worker's read).
final class RequestState: @unchecked Sendable {
    let target: String
    var headersSeen = false
    var rejected = false
    var body: [UInt8] = []
    var discarded = 0
    /// Set on a blocking thread before the connection is resumed; read by its worker after.
    var pending: HTTPResponse?

    init(target: String) { self.target = target }
}

/// Collects header fields from `MHD_get_connection_values`.
final class HeaderCollector {
    var headers = HTTPHeaders()
}
