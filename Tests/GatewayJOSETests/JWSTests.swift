import GatewayCore
import GatewayCrypto
import GatewayJOSE
import Testing

/// RFC 7515 Appendix A.3: an ES256 JWS and its public key.
private let rfc7515ES256Token = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q"
private let rfc7515ES256Key = #"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#

private func keySet(_ keys: SigningKey...) -> JSONWebKeySet {
    JSONWebKeySet(keys: keys.map { JSONWebKey(key: $0.publicKey) })
}

private func token(header: String, payload: String, signature: [UInt8] = [1, 2, 3]) -> String {
    Base64URL.encode(header) + "." + Base64URL.encode(payload) + "." + Base64URL.encode(signature)
}

@Suite struct JWSTests {
    @Test func rfc7515AppendixA3VerifiesWithTheRFCKey() throws {
        let set = try JSONWebKeySet(json: Array(("{\"keys\":[" + rfc7515ES256Key + "]}").utf8))
        let verified = try JWS.verify(rfc7515ES256Token, keys: set)
        #expect(verified.header.algorithm == .es256)
        #expect(verified.claims["iss"] == .string("joe"))
        #expect(verified.claims["http://example.com/is_root"] == .bool(true))
    }

    @Test(arguments: SignatureAlgorithm.allCases)
    func signedTokenRoundTripsForEveryAlgorithm(algorithm: SignatureAlgorithm) throws {
        let key = try SigningKey.generate(algorithm)
        let kid = JSONWebKey(key: key.publicKey).keyID
        let jwt = try JWS.sign(payload: Array(#"{"sub":"x"}"#.utf8), key: key, keyID: kid, type: "at+jwt")
        let verified = try JWS.verify(jwt, keys: keySet(key))
        #expect(verified.claims == ["sub": .string("x")])
        #expect(verified.header.type == "at+jwt")
        #expect(verified.keyID == kid)
    }

    @Test func edDSATokenIsByteIdenticalToTheStraightforwardConstruction() throws {
        // Ed25519 is deterministic, so the whole token can be compared, signature included.
        let key = try SigningKey.generate(.edDSA)
        let kid = JSONWebKey(key: key.publicKey).keyID
        let payload = Array(#"{"iss":"https://login.example.org","sub":"ml-7f3a","x":"\u2028é"}"#.utf8)
        let input = Base64URL.encode(#"{"alg":"EdDSA","kid":"\#(kid)","typ":"at+jwt"}"#) + "." + Base64URL.encode(payload)
        let expected = input + "." + Base64URL.encode(try key.sign(Array(input.utf8)))
        #expect(try JWS.sign(payload: payload, key: key, keyID: kid, type: "at+jwt") == expected)
    }

    @Test(arguments: SignatureAlgorithm.allCases)
    func headerWithoutTypeOmitsIt(algorithm: SignatureAlgorithm) throws {
        let key = try SigningKey.generate(algorithm)
        let jwt = try JWS.sign(payload: Array("{}".utf8), key: key, keyID: "k\"1", type: nil)
        let header = try #require(Base64URL.decode(jwt.split(separator: ".")[0]))
        #expect(String(decoding: header, as: UTF8.self) == #"{"alg":"\#(algorithm.rawValue)","kid":"k\"1"}"#)
    }

    @Test func tamperedPayloadFailsTheSignature() throws {
        let key = try SigningKey.generate(.es256)
        let jwt = try JWS.sign(payload: Array(#"{"sub":"a"}"#.utf8), key: key, keyID: JSONWebKey(key: key.publicKey).keyID, type: nil)
        let parts = jwt.split(separator: ".")
        let forged = parts[0] + "." + Base64URL.encode(#"{"sub":"b"}"#) + "." + parts[2]
        #expect(throws: JOSEError.badSignature) { try JWS.verify(String(forged), keys: keySet(key)) }
    }

    @Test func algNoneIsRefusedEvenWithoutSignature() throws {
        let key = try SigningKey.generate(.es256)
        let unsigned = Base64URL.encode(#"{"alg":"none"}"#) + "." + Base64URL.encode("{}") + "."
        #expect(throws: JOSEError.algorithmNone) { try JWS.verify(unsigned, keys: keySet(key)) }
        #expect(throws: JOSEError.algorithmNone) { try JWS.verify(token(header: #"{"alg":"None"}"#, payload: "{}"), keys: keySet(key)) }
    }

    @Test func hmacWithThePublicKeyIsRefused() throws {
        let key = try SigningKey.generate(.rs256)
        let kid = JSONWebKey(key: key.publicKey).keyID
        #expect(throws: JOSEError.unsupportedAlgorithm("HS256")) {
            try JWS.verify(token(header: #"{"alg":"HS256","kid":"\#(kid)"}"#, payload: "{}"), keys: keySet(key))
        }
    }

    @Test func algorithmMustMatchTheKey() throws {
        let ec = try SigningKey.generate(.es256)
        let ed = try SigningKey.generate(.edDSA)
        let kid = JSONWebKey(key: ec.publicKey).keyID
        // An EdDSA signature presented under the EC key's kid.
        let forged = try JWS.sign(payload: Array("{}".utf8), key: ed, keyID: kid, type: nil)
        #expect(throws: JOSEError.algorithmNotAllowed("EdDSA")) { try JWS.verify(forged, keys: keySet(ec, ed)) }
    }

    @Test func disallowedAlgorithmIsRefused() throws {
        let key = try SigningKey.generate(.rs256)
        let jwt = try JWS.sign(payload: Array("{}".utf8), key: key, keyID: JSONWebKey(key: key.publicKey).keyID, type: nil)
        #expect(throws: JOSEError.algorithmNotAllowed("RS256")) { try JWS.verify(jwt, keys: keySet(key), allowed: [.es256]) }
    }

    @Test func unknownCriticalHeaderIsRefused() throws {
        let key = try SigningKey.generate(.es256)
        #expect(throws: JOSEError.unsupportedCritical(["exp"])) {
            try JWS.verify(token(header: #"{"alg":"ES256","crit":["exp"],"exp":1}"#, payload: "{}"), keys: keySet(key))
        }
    }

    @Test func duplicateHeaderMembersAreRefused() throws {
        let key = try SigningKey.generate(.es256)
        #expect(throws: JOSEError.self) {
            try JWS.verify(token(header: #"{"alg":"ES256","alg":"none"}"#, payload: "{}"), keys: keySet(key))
        }
    }

    @Test func unknownKidIsRefused() throws {
        let key = try SigningKey.generate(.es256)
        let jwt = try JWS.sign(payload: Array("{}".utf8), key: key, keyID: "someone-else", type: nil)
        #expect(throws: JOSEError.unknownKey(kid: "someone-else")) { try JWS.verify(jwt, keys: keySet(key)) }
    }

    @Test(arguments: ["a.b", "a.b.c.d.e", "!!.e30.AA", "e30.e30.AA=", ""])
    func malformedTokensAreRefused(text: String) throws {
        let key = try SigningKey.generate(.es256)
        #expect(throws: JOSEError.self) { try JWS.verify(text, keys: keySet(key)) }
    }

    @Test func oversizedTokenIsRefusedBeforeParsing() throws {
        let key = try SigningKey.generate(.es256)
        let huge = String(repeating: "A", count: 1_048_576)
        #expect(throws: JOSEError.tooLarge(limit: JWS.maxTokenBytes)) { try JWS.verify(huge, keys: keySet(key)) }
    }

    @Test func embeddedJWKHeaderIsNotTrusted() throws {
        let attacker = try SigningKey.generate(.es256)
        let victim = try SigningKey.generate(.es256)
        let header = #"{"alg":"ES256","jwk":\#(JSONWebKey(key: attacker.publicKey).json)}"#
        let input = Base64URL.encode(header) + "." + Base64URL.encode("{}")
        let jwt = input + "." + Base64URL.encode(try attacker.sign(Array(input.utf8)))
        #expect(throws: JOSEError.badSignature) { try JWS.verify(jwt, keys: keySet(victim)) }
    }
}
