import GatewayAccounts
import GatewayCore

/// How a session is laid out in its Redis hash: `patron`, `sid`, `created`, `last_seen`,
/// `auth_time`, `expires` (ms since the epoch), `csrf`, `amr` (space-separated), `acr`
/// (only when set) and one `c:<client_id>` field per client. Pre-login sessions are one
/// string: `csrf created expires`.
extension RedisSessionStore {
    /// Prefix of the fields that list clients.
    static let clientPrefix = "c:"

    /// Field/value pairs for `HSET` of a new session (which has no clients yet).
    static func fields(of session: Session) -> [String] {
        var fields = [
            "patron", session.mylibraryID.rawValue, "sid", session.sid,
            "created", String(milliseconds(session.createdAt)), "last_seen", String(milliseconds(session.lastSeenAt)),
            "auth_time", String(milliseconds(session.authTime)), "expires", String(milliseconds(session.expiresAt)),
            "csrf", session.csrfSecret, "amr", session.amr.joined(separator: " "),
        ]
        if let acr = session.acr { fields += ["acr", acr] }
        return fields
    }

    /// The session in an `HGETALL`-shaped reply; nil for a nil reply, and for a record that
    /// cannot be read (treated as no session: the patron logs in again).
    static func session(from reply: RedisValue) throws(SessionStoreError) -> Session? {
        if reply.isNull { return nil }
        guard let elements = reply.elements, elements.count.isMultiple(of: 2) else {
            throw .unavailable(detail: "unexpected reply to a session script")
        }
        var fields: [String: String] = [:]
        for index in stride(from: 0, to: elements.count, by: 2) {
            guard let name = elements[index].string, let value = elements[index + 1].string else { return nil }
            fields[name] = value
        }
        return decode(fields)
    }

    private static func decode(_ fields: [String: String]) -> Session? {
        guard let patron = fields["patron"].flatMap(MylibraryID.init(rawValue:)), let sid = fields["sid"],
              let created = instant(fields["created"]), let lastSeen = instant(fields["last_seen"]),
              let authTime = instant(fields["auth_time"]), let expires = instant(fields["expires"]),
              let csrf = fields["csrf"], let amr = fields["amr"]
        else { return nil }
        let clients = fields.keys.filter { $0.hasPrefix(clientPrefix) }.map { String($0.dropFirst(clientPrefix.count)) }
        return Session(
            mylibraryID: patron, sid: sid, createdAt: created, lastSeenAt: lastSeen, authTime: authTime, expiresAt: expires,
            csrfSecret: csrf, clientIDs: Set(clients), amr: amr.split(separator: " ").map(String.init), acr: fields["acr"])
    }

    /// The stored string of a pre-login session.
    static func value(of preLogin: Session.PreLogin) -> String {
        "\(preLogin.csrfSecret) \(milliseconds(preLogin.createdAt)) \(milliseconds(preLogin.expiresAt))"
    }

    /// The pre-login session in its stored string, or nil when it cannot be read.
    static func preLogin(from text: String) -> Session.PreLogin? {
        let parts = text.split(separator: " ").map(String.init)
        guard parts.count == 3, let created = instant(parts[1]), let expires = instant(parts[2]) else { return nil }
        return Session.PreLogin(csrfSecret: parts[0], createdAt: created, expiresAt: expires)
    }

    /// `instant` in whole ms since the epoch.
    static func milliseconds(_ instant: Instant) -> Int {
        Int((instant.secondsSinceEpoch * 1000).rounded(.down))
    }

    /// A TTL of `seconds` in whole ms for `PEXPIRE`, at least 1.
    static func ttlMilliseconds(_ seconds: Double) -> String {
        String(max(1, Int((seconds * 1000).rounded(.down))))
    }

    private static func instant(_ text: String?) -> Instant? {
        guard let text, let value = Int(text) else { return nil }
        return Instant(secondsSinceEpoch: Double(value) / 1000)
    }
}
