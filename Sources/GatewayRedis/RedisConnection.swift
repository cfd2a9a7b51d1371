internal import CHiredis
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// One blocking hiredis connection with socket timeouts; owns its `redisContext`.
///
/// Not thread-safe on its own: `RedisPool` lends it to one thread at a time, which is what
/// makes `@unchecked Sendable` sound. After any hiredis error the context is unusable
/// (`err` stays set, and unread replies would put later replies out of step), so the
/// connection is broken for good and the pool drops it.
final class RedisConnection: @unchecked Sendable {
    private let context: UnsafeMutablePointer<redisContext>
    private let commandTimeout: Double
    private var failed = false

    private init(context: UnsafeMutablePointer<redisContext>, commandTimeout: Double) {
        self.context = context
        self.commandTimeout = commandTimeout
    }

    deinit { redisFree(context) }

    /// True once a call failed; the connection must not be used again.
    var isBroken: Bool { failed || context.pointee.err != 0 }

    /// Connects, sets the command timeout, then logs in and selects the database.
    static func open(to endpoint: RedisEndpoint, options: RedisOptions) throws(RedisError) -> RedisConnection {
        let connectTimeout = timeval(seconds: options.connectTimeout)
        let raw: UnsafeMutablePointer<redisContext>? = switch endpoint.address {
        case .tcp(let host, let port): redisConnectWithTimeout(host, Int32(clamping: port), connectTimeout)
        case .unix(let path): redisConnectUnixWithTimeout(path, connectTimeout)
        }
        guard let raw else { throw .unavailable("cannot connect to \(endpoint): out of memory") }
        // Owned from here on, so every throw below frees the context.
        let connection = RedisConnection(context: raw, commandTimeout: options.commandTimeout)
        guard raw.pointee.err == 0 else {
            throw .unavailable("cannot connect to \(endpoint): \(connection.errorText)")
        }
        guard redisSetTimeout(raw, timeval(seconds: options.commandTimeout)) == REDIS_OK else {
            throw .unavailable("cannot set the command timeout on \(endpoint): \(connection.errorText)")
        }
        if case .tcp = endpoint.address {
            // Keepalive probes turn a silently vanished peer (NAT, firewall) into a socket
            // error, which the client retries, instead of a command timeout, which it cannot.
            _ = redisEnableKeepAlive(raw)
        }
        try connection.handshake(endpoint)
        return connection
    }

    /// Sends one command and reads its reply: one round trip through `redisCommandArgv`.
    func send(_ command: RedisCommand) throws(RedisTransportFailure) -> RedisValue {
        let (reply, code) = command.withArgv { argc, argv, lengths in
            let reply = redisCommandArgv(context, argc, argv, lengths)
            return (reply, errno)
        }
        guard let reply else { throw failure(errno: code, beforeAnyReply: true) }
        defer { freeReplyObject(reply) }
        return RedisValue(reply: reply.assumingMemoryBound(to: redisReply.self))
    }

    /// Appends every command to the output buffer, then reads the replies in order: the
    /// first read flushes all commands, so the whole pipeline costs one round trip.
    func pipeline(_ commands: [RedisCommand]) throws(RedisTransportFailure) -> [RedisValue] {
        for command in commands {
            let status = command.withArgv { redisAppendCommandArgv(context, $0, $1, $2) }
            guard status == REDIS_OK else { throw failure(errno: 0, beforeAnyReply: true) }
        }
        var replies: [RedisValue] = []
        replies.reserveCapacity(commands.count)
        for _ in commands {
            replies.append(try readReply(beforeAnyReply: replies.isEmpty))
        }
        return replies
    }

    private func readReply(beforeAnyReply: Bool) throws(RedisTransportFailure) -> RedisValue {
        var reply: UnsafeMutableRawPointer?
        let status = redisGetReply(context, &reply)
        let code = errno
        guard status == REDIS_OK else { throw failure(errno: code, beforeAnyReply: beforeAnyReply) }
        guard let reply else {
            failed = true
            throw .protocolError("hiredis returned no reply")
        }
        defer { freeReplyObject(reply) }
        return RedisValue(reply: reply.assumingMemoryBound(to: redisReply.self))
    }

    /// Classifies the context's error. In blocking mode hiredis reports an expired
    /// SO_RCVTIMEO/SO_SNDTIMEO as an I/O error with errno EAGAIN: that is the timeout.
    private func failure(errno code: Int32, beforeAnyReply: Bool) -> RedisTransportFailure {
        failed = true
        let kind = context.pointee.err
        if kind == REDIS_ERR_IO && (code == EAGAIN || code == EWOULDBLOCK) {
            return .timedOut("no answer from Redis within \(commandTimeout) s")
        }
        if kind == REDIS_ERR_IO || kind == REDIS_ERR_EOF {
            return .connectionLost(errorText, beforeAnyReply: beforeAnyReply)
        }
        return .protocolError(errorText.isEmpty ? "hiredis error \(kind)" : errorText)
    }

    /// hiredis' message for the last error (errno text or its own; never command data).
    private var errorText: String {
        withUnsafeBytes(of: context.pointee.errstr) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}

extension timeval {
    /// A timeval from fractional seconds.
    fileprivate init(seconds: Double) {
        let whole = seconds.rounded(.down)
        self.init(tv_sec: Int(whole), tv_usec: Int((seconds - whole) * 1_000_000))
    }
}
