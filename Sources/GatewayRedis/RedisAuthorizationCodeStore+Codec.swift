import GatewayOAuth

/// How a code is laid out in its Redis hash: `grant`, `client`, `redirect_uri`,
/// `challenge`, `patron`, `scopes` and `claims` (JSON arrays), `nonce` and `acr` (only when
/// set), `auth_time` and `issued` (ms since the epoch), `sid`.
extension RedisAuthorizationCodeStore {
    /// Field/value pairs for `HSET`.
    static func fields(of code: AuthorizationCode) -> [String] {
        var fields = [
            "grant", code.grantID, "client", code.clientID, "redirect_uri", code.redirectURI,
            "challenge", code.codeChallenge, "patron", code.mylibraryID,
            "scopes", RedisHashRecord.encode(code.scopes), "claims", RedisHashRecord.encode(code.requestedClaims),
            "auth_time", String(RedisHashRecord.milliseconds(code.authTime)), "sid", code.sid,
            "issued", String(RedisHashRecord.milliseconds(code.issuedAt)),
        ]
        if let nonce = code.nonce { fields += ["nonce", nonce] }
        if let acr = code.acr { fields += ["acr", acr] }
        return fields
    }

    /// The code in a record, or nil when a field is missing or unreadable.
    static func code(from record: RedisHashRecord) -> AuthorizationCode? {
        guard let grantID = record["grant"], let clientID = record["client"], let redirectURI = record["redirect_uri"],
              let challenge = record["challenge"], let patron = record["patron"], let scopes = record.list("scopes"),
              let claims = record.list("claims"), let authTime = record.instant("auth_time"), let sid = record["sid"],
              let issuedAt = record.instant("issued")
        else { return nil }
        return AuthorizationCode(
            grantID: grantID, clientID: clientID, redirectURI: redirectURI, codeChallenge: challenge, mylibraryID: patron,
            scopes: scopes, requestedClaims: claims, nonce: record["nonce"], authTime: authTime, sid: sid, acr: record["acr"],
            issuedAt: issuedAt)
    }
}
