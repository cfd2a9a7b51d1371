import GatewayCore
import GatewayCrypto
import GatewayJOSE
import Testing

private let now = Instant(secondsSinceEpoch: 1_800_000_000)

private func verified(_ claims: String, type: String? = "at+jwt") throws -> VerifiedJWS {
    let key = try SigningKey.generate(.es256)
    let jwk = JSONWebKey(key: key.publicKey)
    let jwt = try JWS.sign(payload: Array(claims.utf8), key: key, keyID: jwk.keyID, type: type)
    return try JWS.verify(jwt, keys: JSONWebKeySet(keys: [jwk]))
}

private let validator = JWTValidator(issuer: "https://login.example.org", audience: "e-books", type: "at+jwt", leewaySeconds: 30)

@Suite struct JWTValidatorTests {
    @Test func validTokenPasses() throws {
        let jws = try verified(#"{"iss":"https://login.example.org","aud":["e-books","x"],"exp":1800000100,"iat":1800000000,"nbf":1800000000}"#)
        #expect(throws: Never.self) { try validator.validate(jws, now: now) }
    }

    @Test(arguments: [
        (#"{"iss":"https://evil.example","aud":"e-books","exp":1800000100}"#, JWTValidationError.wrongIssuer),
        (#"{"iss":"https://login.example.org","aud":"other","exp":1800000100}"#, .wrongAudience),
        (#"{"iss":"https://login.example.org","aud":"e-books","exp":1799999960}"#, .expired),
        (#"{"iss":"https://login.example.org","aud":"e-books","exp":1800000100,"nbf":1800000040}"#, .notYetValid),
        (#"{"iss":"https://login.example.org","aud":"e-books","exp":1800000100,"iat":1800000040}"#, .issuedInTheFuture),
        (#"{"iss":"https://login.example.org","aud":"e-books"}"#, .missingClaim("exp")),
        (#"{"aud":"e-books","exp":1800000100}"#, .missingClaim("iss")),
        (#"{"iss":"https://login.example.org","aud":"e-books","exp":1800000100,"iat":"yesterday"}"#, .malformedClaim("iat")),
    ])
    func brokenRuleIsNamed(claims: String, error: JWTValidationError) throws {
        let jws = try verified(claims)
        #expect(throws: error) { try validator.validate(jws, now: now) }
    }

    @Test func leewayToleratesSmallClockSkew() throws {
        let jws = try verified(#"{"iss":"https://login.example.org","aud":"e-books","exp":1799999990,"nbf":1800000020}"#)
        #expect(throws: Never.self) { try validator.validate(jws, now: now) }
    }

    @Test func wrongTypIsRefused() throws {
        let jws = try verified(#"{"iss":"https://login.example.org","aud":"e-books","exp":1800000100}"#, type: "JWT")
        #expect(throws: JWTValidationError.wrongType("JWT")) { try validator.validate(jws, now: now) }
    }
}
