#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

extension RedisEndpoint {
    /// hiredis copies the path into `sockaddr_un.sun_path` and silently truncates it, so a
    /// longer path would connect to the wrong socket: refuse it while parsing.
    private static let maxSocketPathLength = MemoryLayout.size(ofValue: sockaddr_un().sun_path) - 1

    /// Parses what follows `unix://`: an absolute path and an optional query.
    static func parseUnix(_ rest: Substring) throws(RedisURLError) -> RedisEndpoint {
        guard !rest.contains("#") else { throw RedisURLError(reason: "unix:// URLs take no fragment") }
        let question = rest.firstIndex(of: "?") ?? rest.endIndex
        let rawPath = rest[..<question]
        guard !rawPath.isEmpty else {
            throw RedisURLError(reason: "missing socket path: expected unix:///path/to/redis.sock")
        }
        guard rawPath.hasPrefix("/") else {
            throw RedisURLError(reason: "socket path must be absolute: unix:///path/to/redis.sock (three slashes)")
        }
        let path = try PercentEncoding.decode(rawPath, field: "socket path")
        guard path.utf8.count <= maxSocketPathLength else {
            throw RedisURLError(reason: "socket path is longer than \(maxSocketPathLength) bytes")
        }
        var endpoint = RedisEndpoint(address: .unix(path: path))
        if question < rest.endIndex {
            try endpoint.applyQuery(rest[rest.index(after: question)...])
        }
        guard endpoint.username == nil || endpoint.password != nil else {
            throw RedisURLError(reason: "username is given without a password")
        }
        return endpoint
    }

    private mutating func applyQuery(_ query: Substring) throws(RedisURLError) {
        var seen: Set<Substring> = []
        for pair in query.split(separator: "&") {
            // Without '=' the whole pair might be a stray secret: do not quote it.
            guard let equals = pair.firstIndex(of: "=") else {
                throw RedisURLError(reason: "query parameter without '=value'")
            }
            let key = pair[..<equals]
            let value = pair[pair.index(after: equals)...]
            guard seen.insert(key).inserted else {
                throw RedisURLError(reason: "query parameter '\(key)' is given twice")
            }
            switch key {
            case "db": database = try Self.parseDatabase(value)
            case "username": username = try Self.nonEmpty(value, field: "username")
            case "password": password = try Self.nonEmpty(value, field: "password")
            default: throw RedisURLError(reason: "unknown query parameter '\(key)': expected db, username or password")
            }
        }
    }

    private static func nonEmpty(_ value: Substring, field: String) throws(RedisURLError) -> String {
        let decoded = try PercentEncoding.decode(value, field: field)
        guard !decoded.isEmpty else { throw RedisURLError(reason: "\(field) is empty") }
        return decoded
    }
}
