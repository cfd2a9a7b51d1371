extension RedisEndpoint {
    /// Default TCP port of Redis.
    public static let defaultPort = 6379

    /// Parses a Redis URL.
    ///
    /// Accepted forms:
    /// - `redis://[[username]:password@]host[:port][/db]`: port 6379 and database 0 by
    ///   default; user name and password are percent-decoded; IPv6 literals go in brackets
    ///   (`redis://[::1]:6380/2`).
    /// - `unix:///path/to/redis.sock[?db=N&username=...&password=...]`: values percent-decoded.
    ///
    /// `rediss://` is refused: hiredis 0.14 has no TLS.
    /// - Throws: `RedisURLError` whose `reason` says what is wrong, never quoting the password.
    public init(url: String) throws(RedisURLError) {
        let (scheme, rest) = try Self.splitScheme(url)
        switch scheme.lowercased() {
        case "redis":
            self = try Self.parseTCP(rest)
        case "unix":
            self = try Self.parseUnix(rest)
        case "rediss":
            throw RedisURLError(reason: "rediss:// (TLS) is not supported: hiredis 0.14 has no TLS; "
                + "use redis:// on a trusted network or a Unix socket")
        default:
            throw RedisURLError(reason: "unsupported scheme '\(scheme)://': expected redis:// or unix://")
        }
    }

    private static func splitScheme(_ url: String) throws(RedisURLError) -> (scheme: String, rest: Substring) {
        let scheme = url.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        let rest = url[scheme.endIndex...]
        guard !scheme.isEmpty, rest.hasPrefix("://") else {
            throw RedisURLError(reason: "missing scheme: expected redis://host[:port][/db] or unix:///path/to/redis.sock")
        }
        return (String(scheme), rest.dropFirst(3))
    }

    private static func parseTCP(_ rest: Substring) throws(RedisURLError) -> RedisEndpoint {
        // The last '@' ends the credentials, so an unescaped '@' in a password still parses.
        let at = rest.lastIndex(of: "@")
        let location = at.map { rest[rest.index(after: $0)...] } ?? rest
        guard !location.contains("?"), !location.contains("#") else {
            throw RedisURLError(reason: "redis:// URLs take no query string or fragment; put the database in the path (/N)")
        }
        let slash = location.firstIndex(of: "/") ?? location.endIndex
        let (host, port) = try parseHostPort(location[..<slash])
        let database = try parseDatabasePath(location[slash...])
        var endpoint = RedisEndpoint(address: .tcp(host: host, port: port), database: database)
        if let at {
            (endpoint.username, endpoint.password) = try parseCredentials(rest[..<at])
        }
        return endpoint
    }

    private static func parseCredentials(_ text: Substring) throws(RedisURLError) -> (String?, String) {
        guard let colon = text.firstIndex(of: ":") else {
            throw RedisURLError(reason: "credentials before '@' must be ':password' or 'username:password'")
        }
        let username = try PercentEncoding.decode(text[..<colon], field: "username")
        let password = try PercentEncoding.decode(text[text.index(after: colon)...], field: "password")
        guard !password.isEmpty else { throw RedisURLError(reason: "password after ':' is empty") }
        return (username.isEmpty ? nil : username, password)
    }

    private static func parseHostPort(_ text: Substring) throws(RedisURLError) -> (String, Int) {
        if text.hasPrefix("[") { return try parseBracketedHostPort(text) }
        guard text.count(where: { $0 == ":" }) <= 1 else {
            throw RedisURLError(reason: "IPv6 addresses must be in brackets, e.g. redis://[::1]:6379")
        }
        let colon = text.firstIndex(of: ":")
        let host = text[..<(colon ?? text.endIndex)]
        guard !host.isEmpty else { throw RedisURLError(reason: "missing host") }
        guard host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }) else {
            throw RedisURLError(reason: "host '\(host)' contains characters not allowed in a host name")
        }
        return (String(host), try parsePort(colon.map { text[text.index(after: $0)...] }))
    }

    private static func parseBracketedHostPort(_ text: Substring) throws(RedisURLError) -> (String, Int) {
        guard let close = text.firstIndex(of: "]") else {
            throw RedisURLError(reason: "IPv6 address is missing its closing ']'")
        }
        let host = text[text.index(after: text.startIndex)..<close]
        guard !host.isEmpty else { throw RedisURLError(reason: "missing host") }
        guard host.contains(":"), host.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
            throw RedisURLError(reason: "'[\(host)]' is not an IPv6 address")
        }
        let after = text[text.index(after: close)...]
        guard after.isEmpty || after.hasPrefix(":") else {
            throw RedisURLError(reason: "unexpected characters after the IPv6 address; expected ':port'")
        }
        return (String(host), try parsePort(after.isEmpty ? nil : after.dropFirst()))
    }

    private static func parsePort(_ text: Substring?) throws(RedisURLError) -> Int {
        guard let text else { return defaultPort }
        guard !text.isEmpty else { throw RedisURLError(reason: "port is empty after ':'") }
        guard isDecimal(text) else { throw RedisURLError(reason: "port '\(text)' is not a number") }
        guard let port = Int(text), (1...65535).contains(port) else {
            throw RedisURLError(reason: "port \(text) is out of range 1-65535")
        }
        return port
    }

    private static func parseDatabasePath(_ path: Substring) throws(RedisURLError) -> Int {
        guard path.count > 1 else { return 0 }
        return try parseDatabase(path.dropFirst())
    }

    /// A database index: decimal digits only, at most Int32.max.
    static func parseDatabase(_ text: Substring) throws(RedisURLError) -> Int {
        guard isDecimal(text) else {
            throw RedisURLError(reason: "database '\(text)' is not a non-negative integer")
        }
        guard let database = Int(text), database <= Int(Int32.max) else {
            throw RedisURLError(reason: "database \(text) is too large")
        }
        return database
    }

    private static func isDecimal(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
