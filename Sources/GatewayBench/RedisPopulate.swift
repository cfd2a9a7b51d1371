import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewayOAuth
import GatewayRedis
import Synchronization

/// `GatewayBench populate`: live SSO sessions and refresh-token families written straight
/// into the gateway's Redis through the gateway's own stores (`RedisSessionStore.create`,
/// `RedisGrantStore.start`), so their keys, fields and TTLs are exactly the gateway's. Each
/// session belongs to a patron of its own (a fresh Mylibrary-id, so one patron index per
/// session); each family is an `e-books` grant with `openid offline_access`, a refresh
/// token and an access-token id, bound to one of those patrons. The tokens themselves are
/// never kept: these records only occupy Redis, as idle patrons' would.
struct RedisPopulate {
    struct Options {
        var redisURL = ""
        var sessions = 100_000
        var families = 100_000
        var threads = 4
    }

    let options: Options

    func run() throws(BenchCommand.UsageError) {
        let endpoint: RedisEndpoint
        do { endpoint = try RedisEndpoint(url: options.redisURL) } catch { throw BenchCommand.UsageError(message: "--redis-url: \(error.reason)") }
        let client = RedisClient(endpoint: endpoint, options: RedisOptions(maxConnections: options.threads))
        let sessions = RedisSessionStore(client: client, lifetimes: SessionLifetimes(), random: SecureRandom())
        let grants = RedisGrantStore(client: client)
        let next = Atomic<Int>(0)
        let total = max(options.sessions, options.families)
        let began = LoadThreads.now()
        let errors = LoadThreads.run(options.threads) { _ in
            var failures = 0
            while failures < 10 {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < total else { break }
                do throws(PopulateError) { try write(index, sessions: sessions, grants: grants) } catch { failures += 1 }
            }
            return failures
        }
        let seconds = Double(LoadThreads.now() - began) / 1e9
        let failed = errors.reduce(0, +)
        print("RESULT sessions=\(options.sessions) families=\(options.families) seconds=\(LatencySummary.format(seconds, 2)) "
              + "round_trips=\(client.commandsSent) failed=\(failed)")
        if failed > 0 { throw BenchCommand.UsageError(message: "\(failed) writes to Redis failed") }
    }

    struct PopulateError: Error {}

    /// Session `index` (if below --sessions) and family `index` (if below --families) of one patron.
    private func write(_ index: Int, sessions: RedisSessionStore, grants: RedisGrantStore) throws(PopulateError) {
        let random = SecureRandom()
        let patron = MylibraryID.generate(using: random)
        let now = SystemClock().now()
        var sid = random.hex(16)
        if index < options.sessions {
            do { sid = try sessions.create(mylibraryID: patron, amr: ["pwd"], acr: nil, replacing: nil).session.sid } catch { throw PopulateError() }
        }
        guard index < options.families else { return }
        let grant = Grant(grantID: random.hex(16), clientID: "e-books", mylibraryID: patron.rawValue, scopes: ["offline_access", "openid"],
                          requestedClaims: [], authTime: now, sid: sid, acr: nil, createdAt: now,
                          expiresAt: Instant(secondsSinceEpoch: now.secondsSinceEpoch + 2_592_000), idleSeconds: 1_209_600)
        do {
            try grants.start(grant, refreshTokenHash: OpaqueToken.generate(using: random).hash, accessTokenID: random.hex(16),
                             accessTokenSeconds: 600, at: now)
        } catch { throw PopulateError() }
    }
}
