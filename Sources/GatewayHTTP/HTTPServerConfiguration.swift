/// How the HTTP listener behaves. Every limit has a default a public deployment can keep.
public struct HTTPServerConfiguration: Sendable, Equatable {
    /// Address to bind, IPv4 or IPv6 literal (`127.0.0.1`, `::`).
    public var host: String
    /// TCP port; 0 lets the kernel choose (tests).
    public var port: UInt16
    /// Worker threads, each running its own epoll loop (see README "Threading model").
    public var threads: Int
    /// Seconds a connection may stay silent before it is closed (slow clients, idle keep-alive).
    public var connectionTimeoutSeconds: Int
    /// Upper bound for request line + header fields; beyond it the answer is 431.
    public var maxHeaderBytes: Int
    /// Upper bound for a request body; beyond it the answer is 413.
    public var maxBodyBytes: Int
    /// Concurrent connections accepted in total.
    public var maxConnections: Int
    /// Concurrent connections accepted from one IP address (0 = unlimited).
    public var maxConnectionsPerIP: Int
    /// Seconds shutdown waits for requests in flight before closing anyway.
    public var drainTimeoutSeconds: Double

    /// A configuration; the defaults suit a node behind a load balancer.
    public init(host: String = "127.0.0.1", port: UInt16 = 8080, threads: Int = 2, connectionTimeoutSeconds: Int = 10,
                maxHeaderBytes: Int = 16_384, maxBodyBytes: Int = 1_048_576, maxConnections: Int = 4096,
                maxConnectionsPerIP: Int = 0, drainTimeoutSeconds: Double = 10) {
        self.host = host
        self.port = port
        self.threads = threads
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxConnections = maxConnections
        self.maxConnectionsPerIP = maxConnectionsPerIP
        self.drainTimeoutSeconds = drainTimeoutSeconds
    }
}
