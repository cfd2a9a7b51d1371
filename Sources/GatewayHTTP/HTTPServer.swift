internal import CMicroHTTPD
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The HTTP/1.1 server: GNU libmicrohttpd with an epoll loop per worker thread
/// (`MHD_USE_EPOLL_INTERNAL_THREAD` + thread pool), handlers run synchronously on those
/// threads. Idle and slow connections cost no thread; a connection silent for longer
/// than the timeout is closed.
public final class HTTPServer: Sendable {
    /// The daemon handle is only used under the lock, or by the one caller that took it
    /// out of the lock to stop it, hence unchecked.
    private struct Running: @unchecked Sendable {
        var daemon: OpaquePointer?
        var listenDescriptor: Int32 = -1
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

    /// Binds the socket and starts the worker threads.
    public func start() throws(HTTPServerError) {
        let socket = try ListeningSocket(host: configuration.host, port: configuration.port)
        let context = Unmanaged.passRetained(ServerContext(responder: responder, maxBodyBytes: configuration.maxBodyBytes))
        let daemon = startDaemon(listenDescriptor: socket.descriptor, context: context.toOpaque())
        guard let daemon else {
            context.release()
            close(socket.descriptor)
            throw .daemonStartFailed
        }
        let alreadyRunning = state.withLock { running -> Bool in
            guard running.daemon == nil else { return true }
            running = Running(daemon: daemon, listenDescriptor: socket.descriptor, port: socket.port, context: context)
            return false
        }
        if alreadyRunning {
            MHD_stop_daemon(daemon)
            context.release()
            close(socket.descriptor)
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
        guard let daemon = running.daemon, let context = running.context else { return }
        let shared = context.takeUnretainedValue()
        shared.draining.store(true, ordering: .relaxed)
        let listener = MHD_quiesce_daemon(daemon)
        if listener >= 0 { close(listener) }
        let deadline = monotonicNow() + (drainTimeout ?? configuration.drainTimeoutSeconds)
        while shared.inFlight.load(ordering: .relaxed) > 0, monotonicNow() < deadline { usleep(5_000) }
        MHD_stop_daemon(daemon)
        context.release()
    }

    private func startDaemon(listenDescriptor: Int32, context: UnsafeMutableRawPointer) -> OpaquePointer? {
        let flags = MHD_USE_EPOLL_INTERNAL_THREAD.rawValue | MHD_USE_ITC.rawValue | MHD_ALLOW_SUSPEND_RESUME.rawValue
        let options: [MHD_OptionItem] = [
            MHD_OptionItem(option: .LISTEN_SOCKET, value: Int(listenDescriptor), ptr_value: nil),
            MHD_OptionItem(option: .THREAD_POOL_SIZE, value: max(1, configuration.threads), ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_TIMEOUT, value: configuration.connectionTimeoutSeconds, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_MEMORY_LIMIT, value: configuration.maxHeaderBytes, ptr_value: nil),
            MHD_OptionItem(option: .CONNECTION_LIMIT, value: configuration.maxConnections, ptr_value: nil),
            MHD_OptionItem(option: .PER_IP_CONNECTION_LIMIT, value: configuration.maxConnectionsPerIP, ptr_value: nil),
            MHD_OptionItem(option: .URI_LOG_CALLBACK, value: unsafeBitCast(uriLogCallback, to: Int.self), ptr_value: context),
            MHD_OptionItem(option: .NOTIFY_COMPLETED, value: unsafeBitCast(completedCallback, to: Int.self), ptr_value: context),
            MHD_OptionItem(option: .END, value: 0, ptr_value: nil),
        ]
        return options.withUnsafeBufferPointer { gateway_mhd_start(flags, accessHandler, context, $0.baseAddress) }
    }

    private func monotonicNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
