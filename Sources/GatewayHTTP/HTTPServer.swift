internal import CMicroHTTPD
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The HTTP/1.1 server: one GNU libmicrohttpd daemon per worker thread, each with its own
/// epoll loop (`MHD_USE_EPOLL_INTERNAL_THREAD`) and its own listening socket on the shared
/// port (`SO_REUSEPORT`, see `ListeningSocket.group`); handlers run synchronously on those
/// threads. Idle and slow connections cost no thread; a connection silent for longer
/// than the timeout is closed.
public final class HTTPServer: Sendable {
    /// The daemon handle is only used under the lock, or by the one caller that took it
    /// out of the lock to stop it, hence unchecked.
    private struct Running: @unchecked Sendable {
        var daemons: [OpaquePointer] = []
        var port: UInt16 = 0
        var context: Unmanaged<ServerContext>?
    }

    private let configuration: HTTPServerConfiguration
    private let responder: any HTTPResponder
    private let state = Mutex(Running())

    /// A server that hands requests to `responder`; call `start()` to listen.
    public init(configuration: HTTPServerConfiguration, responder: any HTTPResponder) {
        self.configuration = configuration
        self.responder = responder
    }

    deinit { stop(drainTimeout: 0) }

    /// The bound port (useful when the configuration asked for port 0).
    public var port: UInt16 { state.withLock { $0.port } }

    /// Requests received but not yet answered.
    public var requestsInFlight: Int {
        state.withLock { $0.context?.takeUnretainedValue().inFlight.load(ordering: .relaxed) ?? 0 }
    }

    /// Binds the sockets and starts the worker threads.
    public func start() throws(HTTPServerError) {
        let workers = max(1, configuration.threads)
        let sockets = try ListeningSocket.group(host: configuration.host, port: configuration.port, count: workers)
        let context = Unmanaged.passRetained(ServerContext(responder: responder, maxBodyBytes: configuration.maxBodyBytes,
                                                           connectionsPerAddress: configuration.maxConnectionsPerIP))
        var daemons: [OpaquePointer] = []
        for socket in sockets {
            guard let daemon = startDaemon(listenDescriptor: socket.descriptor, workers: workers, context: context.toOpaque()) else { break }
            daemons.append(daemon)
        }
        func undo() {
            for daemon in daemons { MHD_stop_daemon(daemon) } // each closes its own socket
            context.release()
            for socket in sockets[daemons.count...] { close(socket.descriptor) }
        }
        guard daemons.count == sockets.count else {
            undo()
            throw .daemonStartFailed
        }
        let alreadyRunning = state.withLock { running -> Bool in
            guard running.daemons.isEmpty else { return true }
            running = Running(daemons: daemons, port: sockets[0].port, context: context)
            return false
        }
        if alreadyRunning {
            undo()
            throw .alreadyStarted
        }
    }

    /// Graceful stop: stop accepting, let requests in flight finish (up to `drainTimeout`
    /// seconds, default from the configuration), then close every connection.
    public func stop(drainTimeout: Double? = nil) {
        let running = state.withLock { running -> Running in
            defer { running = Running() }
            return running
        }
        guard !running.daemons.isEmpty, let context = running.context else { return }
        let shared = context.takeUnretainedValue()
        shared.draining.store(true, ordering: .relaxed)
        for daemon in running.daemons {
            let listener = MHD_quiesce_daemon(daemon)
            if listener >= 0 { close(listener) }
        }
        let deadline = monotonicNow() + (drainTimeout ?? configuration.drainTimeoutSeconds)
        while shared.inFlight.load(ordering: .relaxed) > 0, monotonicNow() < deadline { usleep(5_000) }
        for daemon in running.daemons { MHD_stop_daemon(daemon) }
        context.release()
    }

    /// One single-threaded daemon on `listenDescriptor`. The connection limit is shared out
    /// among the `workers` daemons, as libmicrohttpd's own thread pool does; the per-address
    /// limit is counted across all of them in the shared context (`acceptPolicyCallback`).
    private func startDaemon(listenDescriptor: Int32, workers: Int, context: UnsafeMutableRawPointer) -> OpaquePointer? {
        let flags = MHD_USE_EPOLL_INTERNAL_THREAD.rawValue | MHD_USE_ITC.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
        let options: [MHD_OptionItem] = [
            MHD_OptionItem(option: .LISTEN_SOCKET, value: Int(listenDescriptor), ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_TIMEOUT, value: configuration.connectionTimeoutSeconds, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_MEMORY_LIMIT, value: configuration.maxHeaderBytes, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_LIMIT, value: max(1, configuration.maxConnections / workers), ptr_value: nil),
            MHD_OptionItem(option: .NOTIFY_CONNECTION, value: unsafeBitCast(connectionNotifyCallback, to: Int.self), ptr_value: context),
            MHD_OptionItem(option: .URI_LOG_CALLBACK, value: unsafeBitCast(uriLogCallback, to: Int.self), ptr_value: context),
            MHD_OptionItem(option: .NOTIFY_COMPLETED, value: unsafeBitCast(completedCallback, to: Int.self), ptr_value: context),
            MHD_OptionItem(option: .END, value: 0, ptr_value: nil),
        ]
        return options.withUnsafeBufferPointer { gateway_mhd_start(flags, acceptPolicyCallback, context, accessHandler, context, $0.baseAddress) }
    }

    private func monotonicNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
