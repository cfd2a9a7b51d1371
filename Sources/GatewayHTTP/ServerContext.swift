import Dispatch
import Synchronization

/// What the C callbacks need, reached through libmicrohttpd's context pointer, shared by
/// every worker's daemon. Immutable except for two atomics and one lock, so every worker
/// thread may read it at once.
final class ServerContext: Sendable {
    let responder: any HTTPResponder
    let maxBodyBytes: Int
    /// `http.max_connections_per_ip` (0: no limit), counted here across all workers: each
    /// libmicrohttpd daemon would count only the connections it accepted itself.
    let connectionsPerAddress: Int
    /// Open connections by client address (numeric text), while a limit is set.
    let openByAddress = Mutex<[String: Int]>([:])
    /// Requests whose request line has arrived and whose response is not yet sent.
    let inFlight = Atomic<Int>(0)
    /// Set by shutdown: responses then say `Connection: close`.
    let draining = Atomic<Bool>(false)
    /// Where blocking routes run while their connection is suspended.
    let blockingQueue = DispatchQueue(label: "gateway.http.blocking", attributes: .concurrent)

    init(responder: any HTTPResponder, maxBodyBytes: Int, connectionsPerAddress: Int = 0) {
        self.responder = responder
        self.maxBodyBytes = maxBodyBytes
        self.connectionsPerAddress = connectionsPerAddress
    }

    /// Counts a new connection from `address` unless that address already has the limit.
    func admit(_ address: String) -> Bool {
        openByAddress.withLock { open in
            guard open[address, default: 0] < connectionsPerAddress else { return false }
            open[address, default: 0] += 1
            return true
        }
    }

    /// Uncounts a closed connection from `address`.
    func release(_ address: String) {
        openByAddress.withLock { open in
            guard let count = open[address] else { return }
            open[address] = count > 1 ? count - 1 : nil
        }
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
