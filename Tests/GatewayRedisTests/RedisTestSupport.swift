import Foundation
import GatewayRedis
import GatewayTesting
import Testing

/// A client for a test server's URL.
func makeClient(_ server: RedisServerProcess, options: RedisOptions = .init()) throws -> RedisClient {
    RedisClient(endpoint: try RedisEndpoint(url: server.url), options: options)
}

/// A client for `redis://127.0.0.1:PORT/db` (no password).
func makeClient(port: UInt16, database: Int = 0, options: RedisOptions = .init()) throws -> RedisClient {
    RedisClient(endpoint: try RedisEndpoint(url: "redis://127.0.0.1:\(port)/\(database)"), options: options)
}

/// One numeric field of `INFO <section>`, e.g. `total_connections_received`.
func infoField(_ client: RedisClient, section: String, field: String) throws -> Int {
    let text = try #require(try client.command(["INFO", section]).string)
    let line = try #require(text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("\(field):") })
    return try #require(Int(line.dropFirst(field.count + 1)))
}

/// Number of clients the server currently has connected (CLIENT LIST, one line each).
func connectedClients(_ client: RedisClient) throws -> Int {
    let text = try #require(try client.command(["CLIENT", "LIST"]).string)
    return text.split(whereSeparator: \.isNewline).count
}

/// The error `body` throws, or nil.
func redisError<T>(_ body: () throws -> T) -> RedisError? {
    do {
        _ = try body()
        return nil
    } catch let error as RedisError {
        return error
    } catch {
        Issue.record("not a RedisError: \(error)")
        return nil
    }
}

/// Whether an error is `.unavailable`.
func isUnavailable(_ error: RedisError?) -> Bool {
    if case .unavailable = error { return true }
    return false
}
