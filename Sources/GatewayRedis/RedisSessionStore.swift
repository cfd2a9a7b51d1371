public import GatewayAccounts
public import GatewayCore

/// Single sign-on sessions in Redis, shared by every gateway node.
///
/// Layout (`<h>` is the SHA-256 of the cookie's session id, so a dump holds no cookie):
/// - `lg:session:<h>`: hash of the session (fields in `RedisSessionStore+Codec.swift`,
///   one `c:<client_id>` field per client logged into); TTL = the idle timeout, cut to
///   what is left of the absolute lifetime, renewed on each use.
/// - `lg:patron-sessions:<mylibrary_id>`: set of the `<h>` of a patron's sessions; TTL =
///   the absolute lifetime, renewed at each login, so it outlives all its members.
/// - `lg:prelogin:<h>`: string `csrf created expires`; TTL = the pre-login lifetime.
///
/// Each call is one round trip (a Lua script where several keys change together).
/// Deadlines come from the injected clock and the TTLs mirror them. Any Redis failure
/// throws `.unavailable`. Scripts read keys named in the index, so this needs a
/// standalone Redis (or Sentinel), not Redis Cluster.
public final class RedisSessionStore: SessionStore {
    private let client: RedisClient
    private let lifetimes: SessionLifetimes
    private let clock: any Clock
    private let random: any RandomSource
    static let sessionPrefix = "lg:session:"
    static let patronPrefix = "lg:patron-sessions:"
    static let preLoginPrefix = "lg:prelogin:"

    /// A store on `client` applying `lifetimes`, reading time from `clock` and ids from
    /// `random` (the secure source in production).
    public init(client: RedisClient, lifetimes: SessionLifetimes, clock: any Clock = SystemClock(), random: any RandomSource) {
        self.client = client
        self.lifetimes = lifetimes
        self.clock = clock
        self.random = random
    }

    /// Writes the new session, adds it to the patron's index and deletes the pre-login
    /// session, atomically.
    public func create(mylibraryID: MylibraryID, amr: [String], acr: String?, replacing preLoginID: SessionID?)
        throws(SessionStoreError) -> (id: SessionID, session: Session) {
        let now = clock.now()
        let started = Session.start(mylibraryID: mylibraryID, amr: amr, acr: acr, at: now, lifetimes: lifetimes, random: random)
        let hash = started.id.storageKey
        var keys = [Self.sessionPrefix + hash, Self.patronPrefix + mylibraryID.rawValue]
        if let preLoginID { keys.append(Self.preLoginPrefix + preLoginID.storageKey) }
        let ttl = started.session.storeLifetime(at: now, idleSeconds: lifetimes.idleSeconds)
        let arguments = [Self.ttlMilliseconds(ttl), String(lifetimes.absoluteSeconds * 1000), hash, Self.sessionPrefix]
            + Self.fields(of: started.session)
        let reply = try eval(Self.createScript, keys: keys, arguments: arguments)
        guard reply.int == 1 else { throw Self.unexpected(reply) }
        return started
    }

    /// The live session, with its last use set to now and its TTL renewed.
    public func find(_ id: SessionID) throws(SessionStoreError) -> Session? {
        let reply = try eval(Self.findScript, keys: [Self.sessionPrefix + id.storageKey], arguments: liveArguments(id))
        return try Self.session(from: reply)
    }

    /// Adds a `c:<client_id>` field to the live session and renews it.
    public func addClient(_ clientID: String, to id: SessionID) throws(SessionStoreError) -> Bool {
        let arguments = liveArguments(id) + [Self.clientPrefix + clientID]
        let reply = try eval(Self.addClientScript, keys: [Self.sessionPrefix + id.storageKey], arguments: arguments)
        guard let added = reply.int else { throw Self.unexpected(reply) }
        return added == 1
    }

    /// Deletes the session and its entry in the patron's index.
    @discardableResult
    public func delete(_ id: SessionID) throws(SessionStoreError) -> Session? {
        let arguments = [id.storageKey, Self.patronPrefix]
        let reply = try eval(Self.deleteScript, keys: [Self.sessionPrefix + id.storageKey], arguments: arguments)
        return try Self.session(from: reply)
    }

    /// Deletes every session in the patron's index, then the index.
    @discardableResult
    public func deleteAll(for mylibraryID: MylibraryID) throws(SessionStoreError) -> Set<String> {
        let reply = try eval(Self.deleteAllScript, keys: [Self.patronPrefix + mylibraryID.rawValue], arguments: [Self.sessionPrefix])
        guard let clients = reply.elements?.compactMap(\.string) else { throw Self.unexpected(reply) }
        return Set(clients)
    }

    /// `SET lg:prelogin:<h> … PX <pre-login lifetime>`.
    public func createPreLogin() throws(SessionStoreError) -> (id: SessionID, session: Session.PreLogin) {
        let started = Session.PreLogin.start(at: clock.now(), lifetimes: lifetimes, random: random)
        let command = ["SET", Self.preLoginPrefix + started.id.storageKey, Self.value(of: started.session),
                       "PX", String(lifetimes.preLoginSeconds * 1000)]
        let reply = try run { () throws(RedisError) in try client.command(command) }
        guard reply.isOK else { throw Self.unexpected(reply) }
        return started
    }

    /// The pre-login session while its deadline has not passed.
    public func findPreLogin(_ id: SessionID) throws(SessionStoreError) -> Session.PreLogin? {
        let reply = try run { () throws(RedisError) in try client.command(["GET", Self.preLoginPrefix + id.storageKey]) }
        if reply.isNull { return nil }
        guard let text = reply.string else { throw Self.unexpected(reply) }
        guard let preLogin = Self.preLogin(from: text), clock.now() < preLogin.expiresAt else { return nil }
        return preLogin
    }

    /// `DEL lg:prelogin:<h>`.
    public func deletePreLogin(_ id: SessionID) throws(SessionStoreError) {
        let reply = try run { () throws(RedisError) in try client.command(["DEL", Self.preLoginPrefix + id.storageKey]) }
        guard reply.int != nil else { throw Self.unexpected(reply) }
    }

    /// Now, the idle timeout, the session hash and the index prefix: what the scripts
    /// need to decide whether a session is live and to unlist it when it is not.
    private func liveArguments(_ id: SessionID) -> [String] {
        [String(Self.milliseconds(clock.now())), String(lifetimes.idleSeconds * 1000), id.storageKey, Self.patronPrefix]
    }

    private func eval(_ script: RedisScript, keys: [String], arguments: [String]) throws(SessionStoreError) -> RedisValue {
        let reply = try run { () throws(RedisError) in try client.evaluate(script, keys: keys, arguments: arguments) }
        if let message = reply.errorMessage { throw .unavailable(detail: "script error: \(message)") }
        return reply
    }

    private func run(_ body: () throws(RedisError) -> RedisValue) throws(SessionStoreError) -> RedisValue {
        do {
            return try body()
        } catch {
            throw .unavailable(detail: error.description)
        }
    }

    private static func unexpected(_ reply: RedisValue) -> SessionStoreError {
        .unavailable(detail: reply.errorMessage ?? "unexpected reply")
    }
}
