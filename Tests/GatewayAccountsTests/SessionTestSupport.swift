import Foundation
import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewayRedis
import GatewayTesting
import Synchronization
import Testing

/// A clock that stands still until a test moves it; shared by the session and throttle tests.
final class SessionTestClock: Clock {
    private let seconds: Mutex<Double>

    init(at start: Double = 1_900_000_000) { seconds = Mutex(start) }

    func now() -> Instant { Instant(secondsSinceEpoch: seconds.withLock { $0 }) }
    func monotonicSeconds() -> Double { seconds.withLock { $0 } }
    func advance(by delta: Double) { seconds.withLock { $0 += delta } }
}

/// A private redis-server with a fast-failing client, and ways to look inside it.
final class SessionTestRedis: Sendable {
    let server: RedisServerProcess
    let client: RedisClient

    init() throws {
        server = try RedisServerProcess()
        let options = RedisOptions(connectTimeout: 0.5, commandTimeout: 1, maxConnections: 4)
        client = RedisClient(endpoint: try RedisEndpoint(url: server.url), options: options)
    }

    /// `KEYS *`, sorted.
    func keys() throws -> [String] {
        try #require(try client.command(["KEYS", "*"]).elements).compactMap(\.string).sorted()
    }

    /// `PTTL key`: ms to live, -1 without a TTL, -2 when missing.
    func millisecondsToLive(_ key: String) throws -> Int {
        try #require(try client.command(["PTTL", key]).int)
    }

    /// Every key and every value in Redis as one text, to search for secrets in clear.
    func dump() throws -> String {
        var text = ""
        for key in try keys() {
            let type = try #require(try client.command(["TYPE", key]).string)
            let read: [String] = switch type {
            case "hash": ["HGETALL", key]
            case "set": ["SMEMBERS", key]
            default: ["GET", key]
            }
            let value = try client.command(read)
            text += key + "\n" + ((value.elements ?? [value]).compactMap(\.string)).joined(separator: "\n") + "\n"
        }
        return text
    }
}

/// The session-store implementations the contract suite runs against.
enum SessionBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case inMemory, redis

    var testDescription: String { rawValue }
}

/// A store under test with its clock (and Redis, when it has one).
struct SessionHarness {
    /// Short lifetimes so every boundary is a few clock steps away.
    static let lifetimes = SessionLifetimes(idleSeconds: 600, absoluteSeconds: 1_000, preLoginSeconds: 300)

    let store: any SessionStore
    let clock = SessionTestClock()
    let redis: SessionTestRedis?

    init(_ backend: SessionBackend) throws {
        switch backend {
        case .inMemory:
            redis = nil
            store = InMemorySessionStore(lifetimes: Self.lifetimes, clock: clock, random: SecureRandom())
        case .redis:
            let redis = try SessionTestRedis()
            self.redis = redis
            store = RedisSessionStore(client: redis.client, lifetimes: Self.lifetimes, clock: clock, random: SecureRandom())
        }
    }

    /// A fresh patron.
    static func patron() -> MylibraryID { MylibraryID.generate(using: SecureRandom()) }

    /// A session for `patron` logged in with a password.
    func login(_ patron: MylibraryID) throws -> (id: SessionID, session: Session) {
        try store.create(mylibraryID: patron, amr: ["pwd"], acr: nil, replacing: nil)
    }
}

/// Whether `body` throws `SessionStoreError.unavailable`.
func sessionStoreIsUnavailable<Result>(_ body: () throws -> Result) -> Bool {
    do {
        _ = try body()
        return false
    } catch {
        if case .unavailable = error as? SessionStoreError { return true }
        return false
    }
}
