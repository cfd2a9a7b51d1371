import Foundation

/// Options of the load subcommands (`exchanges`, `rate`, `populate`): `--name value`
/// pairs, each read once by name; an unknown or unread name is a usage error.
struct LoadOptions {
    private var values: [String: String] = [:]

    init(_ arguments: [String]) throws(BenchCommand.UsageError) {
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            guard name.hasPrefix("--"), index + 1 < arguments.count else { throw BenchCommand.UsageError(message: "\(name) needs a value") }
            values[String(name.dropFirst(2))] = arguments[index + 1]
            index += 2
        }
    }

    mutating func string(_ name: String) -> String? { values.removeValue(forKey: name) }

    mutating func number(_ name: String, in range: ClosedRange<Double>) throws(BenchCommand.UsageError) -> Double? {
        guard let text = string(name) else { return nil }
        guard let value = Double(text), range.contains(value) else {
            throw BenchCommand.UsageError(message: "--\(name) must be a number in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    mutating func integer(_ name: String, in range: ClosedRange<Int>) throws(BenchCommand.UsageError) -> Int? {
        try number(name, in: Double(range.lowerBound)...Double(range.upperBound)).map { Int($0) }
    }

    /// The gateway's port from `--url http://127.0.0.1:PORT` (loopback only).
    mutating func port() throws(BenchCommand.UsageError) -> UInt16 {
        guard let url = string("url"), url.hasPrefix("http://127.0.0.1:"), let port = UInt16(url.dropFirst("http://127.0.0.1:".count)) else {
            throw BenchCommand.UsageError(message: "--url must be http://127.0.0.1:PORT")
        }
        return port
    }

    /// `--client ID` with `--secret-file FILE` for the confidential demo client.
    mutating func client() throws(BenchCommand.UsageError) -> BenchClient {
        let id = string("client") ?? "e-books"
        var secret: String?
        if let path = string("secret-file") {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw BenchCommand.UsageError(message: "cannot read \(path)") }
            secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let client = BenchClient.demo(id, secret: secret) else {
            throw BenchCommand.UsageError(message: "--client must be e-books, or reading-tipper with --secret-file")
        }
        return client
    }

    /// Fails if an option was given that the command did not read.
    func finish() throws(BenchCommand.UsageError) {
        if let name = values.keys.sorted().first { throw BenchCommand.UsageError(message: "unknown option '--\(name)'") }
    }

    static func exchanges(_ arguments: [String]) throws(BenchCommand.UsageError) -> CodeExchangeBenchmark.Options {
        var list = try LoadOptions(arguments)
        var options = CodeExchangeBenchmark.Options()
        options.port = try list.port()
        guard let session = list.string("session") else { throw BenchCommand.UsageError(message: "exchanges needs --session COOKIE") }
        options.session = session
        options.client = try list.client()
        options.scope = list.string("scope") ?? options.scope
        options.threads = try list.integer("threads", in: 1...256) ?? options.threads
        options.seconds = try list.number("seconds", in: 0.1...600) ?? options.seconds
        options.warmup = try list.number("warmup", in: 0...60) ?? options.warmup
        options.count = try list.integer("count", in: 1...1_000_000)
        options.tokensOut = list.string("tokens-out")
        try list.finish()
        return options
    }

    static func rate(_ arguments: [String]) throws(BenchCommand.UsageError) -> FixedRateBenchmark.Options {
        var list = try LoadOptions(arguments)
        var options = FixedRateBenchmark.Options()
        options.port = try list.port()
        guard let kind = list.string("kind").flatMap(FixedRateBenchmark.Kind.init(rawValue:)) else {
            throw BenchCommand.UsageError(message: "rate needs --kind refresh|introspect|userinfo")
        }
        options.kind = kind
        guard let pool = list.string("pool") else { throw BenchCommand.UsageError(message: "rate needs --pool FILE") }
        options.poolPath = pool
        options.client = try list.client()
        options.rate = try list.number("rate", in: 1...1_000_000) ?? options.rate
        options.seconds = try list.number("seconds", in: 0.1...600) ?? options.seconds
        options.warmup = try list.number("warmup", in: 0...60) ?? options.warmup
        options.connections = try list.integer("connections", in: 1...1024) ?? options.connections
        options.slowLog = list.string("slow-log")
        try list.finish()
        return options
    }

    static func populate(_ arguments: [String]) throws(BenchCommand.UsageError) -> RedisPopulate.Options {
        var list = try LoadOptions(arguments)
        var options = RedisPopulate.Options()
        guard let url = list.string("redis-url") else { throw BenchCommand.UsageError(message: "populate needs --redis-url URL") }
        options.redisURL = url
        options.sessions = try list.integer("sessions", in: 0...10_000_000) ?? options.sessions
        options.families = try list.integer("families", in: 0...10_000_000) ?? options.families
        options.threads = try list.integer("threads", in: 1...64) ?? options.threads
        try list.finish()
        return options
    }
}
