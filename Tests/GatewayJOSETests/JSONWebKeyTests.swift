import GatewayCore
import GatewayCrypto
import GatewayJOSE
import Testing

/// RFC 7638 §3.1: the example RSA key and its thumbprint.
private let rfc7638Modulus = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"

@Suite struct JSONWebKeyTests {
    @Test func rfc7638ThumbprintOfTheExampleKey() throws {
        let n = try #require(Base64URL.decode(rfc7638Modulus))
        #expect(JSONWebKey.thumbprint(of: .rsa(n: n, e: [1, 0, 1])) == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")
    }

    @Test(arguments: SignatureAlgorithm.allCases)
    func publishedJWKParsesBackToTheSameKey(algorithm: SignatureAlgorithm) throws {
        let key = try SigningKey.generate(algorithm)
        let jwk = JSONWebKey(key: key.publicKey)
        #expect(jwk.keyID == JSONWebKey.thumbprint(of: key.publicKey.parameters))
        let parsed = try JSONWebKey(json: StrictJSONParser.parse(Array(jwk.json.utf8)))
        #expect(parsed == jwk)
        #expect(jwk.json.contains("\"alg\":\"\(algorithm.rawValue)\""))
        #expect(jwk.json.contains("\"use\":\"sig\""))
    }

    @Test(arguments: [
        (#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","d":"jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI"}"#, "contains private key member d"),
        (#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","alg":"RS256"}"#, "alg RS256 does not fit the key type"),
        (#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0","use":"enc"}"#, "use is not sig"),
        (#"{"kty":"oct","k":"c2VjcmV0"}"#, "contains private key member k"),
        (#"{"kty":"EC","crv":"P-384","x":"AA","y":"AA"}"#, "unsupported kty/crv (EC P-256, RSA and OKP Ed25519 are supported)"),
        (#"{"kty":"OKP","crv":"Ed25519"}"#, "x is missing or not base64url"),
    ])
    func unusableJWKIsRefusedWithTheReason(json: String, reason: String) throws {
        #expect(throws: JOSEError.invalidKey(reason)) { try JSONWebKey(json: StrictJSONParser.parse(Array(json.utf8))) }
    }

    @Test func jwksSkipsUnsupportedKeyTypesButKeepsOthers() throws {
        let key = try SigningKey.generate(.es256)
        let document = #"{"keys":[{"kty":"EC","crv":"P-521","x":"AA","y":"AA"},"# + JSONWebKey(key: key.publicKey).json + "]}"
        let set = try JSONWebKeySet(json: Array(document.utf8))
        #expect(set.keys.count == 1)
        #expect(set.keys[0].key.parameters == key.publicKey.parameters)
    }
}
