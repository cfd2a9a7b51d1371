import GatewayTesting
import GatewayVerifier
import Testing

@Suite struct JWKSEndpointTests {
    @Test func jwksIsCacheableAndListsEveryPublishedKey() throws {
        let server = try KeyServer(jwksMaxAge: 1800)
        let response = try rawRequest(port: UInt16(server.issuer.split(separator: ":").last!)!, "GET", "/jwks.json")
        #expect(response.status == 200)
        #expect(response.header("content-type") == "application/jwk-set+json")
        #expect(response.header("cache-control") == "public, max-age=1800")
        #expect(response.header("etag") != nil)
        for alg in ["ES256", "RS256", "EdDSA"] { #expect(response.text.contains("\"alg\":\"\(alg)\"")) }
        #expect(!response.text.contains("\"d\""))
    }

    @Test func unchangedJWKSAnswers304ToItsETag() throws {
        let server = try KeyServer()
        let port = UInt16(server.issuer.split(separator: ":").last!)!
        let etag = try #require(try rawRequest(port: port, "GET", "/jwks.json").header("etag"))
        let again = try rawRequest(port: port, "GET", "/jwks.json", headers: ["If-None-Match": etag])
        #expect(again.status == 304)
    }

    @Test func discoveryNamesTheJWKSURI() throws {
        let server = try KeyServer()
        let port = UInt16(server.issuer.split(separator: ":").last!)!
        let response = try rawRequest(port: port, "GET", "/.well-known/openid-configuration")
        #expect(response.status == 200)
        #expect(response.text.contains("\"jwks_uri\":\"\(server.issuer)/jwks.json\""))
        #expect(response.text.contains("\"issuer\":\"\(server.issuer)\""))
    }
}
