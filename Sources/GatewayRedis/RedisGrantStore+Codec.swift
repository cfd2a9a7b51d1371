import GatewayOAuth

/// How a grant is laid out in its Redis hash: `id`, `client`, `patron`, `scopes` and
/// `claims` (JSON arrays), `auth_time`, `created` and `expires` (ms since the epoch), `sid`,
/// `acr` (only when set), `idle` (seconds). The scripts add `live_until` and `refresh`.
extension RedisGrantStore {
    /// Field/value pairs for `HSET`.
    static func fields(of grant: Grant) -> [String] {
        var fields = [
            "id", grant.grantID, "client", grant.clientID, "patron", grant.mylibraryID,
            "scopes", RedisHashRecord.encode(grant.scopes), "claims", RedisHashRecord.encode(grant.requestedClaims),
            "auth_time", String(RedisHashRecord.milliseconds(grant.authTime)), "sid", grant.sid,
            "created", String(RedisHashRecord.milliseconds(grant.createdAt)),
            "expires", String(RedisHashRecord.milliseconds(grant.expiresAt)), "idle", String(grant.idleSeconds),
        ]
        if let acr = grant.acr { fields += ["acr", acr] }
        return fields
    }

    /// The grant in a record, or nil when a field is missing or unreadable.
    static func grant(from record: RedisHashRecord) -> Grant? {
        guard let grantID = record["id"], let clientID = record["client"], let patron = record["patron"],
              let scopes = record.list("scopes"), let claims = record.list("claims"), let authTime = record.instant("auth_time"),
              let sid = record["sid"], let createdAt = record.instant("created"), let expiresAt = record.instant("expires"),
              let idleSeconds = record.int("idle")
        else { return nil }
        return Grant(
            grantID: grantID, clientID: clientID, mylibraryID: patron, scopes: scopes, requestedClaims: claims,
            authTime: authTime, sid: sid, acr: record["acr"], createdAt: createdAt, expiresAt: expiresAt,
            idleSeconds: idleSeconds)
    }
}
