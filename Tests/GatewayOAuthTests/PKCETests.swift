import GatewayOAuth
import Testing

@Suite struct PKCETests {
    @Test func rfc7636AppendixBVectorVerifies() {
        #expect(PKCE.verify(OAuthFixture.verifier, challenge: OAuthFixture.challenge))
        #expect(PKCE.isWellFormedChallenge(OAuthFixture.challenge))
    }

    @Test func wrongOrMalformedVerifiersFail() {
        #expect(!PKCE.verify(OAuthFixture.verifier + "x", challenge: OAuthFixture.challenge))
        #expect(!PKCE.verify("short", challenge: OAuthFixture.challenge))
        #expect(!PKCE.verify(String(repeating: "a", count: 129), challenge: OAuthFixture.challenge))
        #expect(!PKCE.verify(String(repeating: "a", count: 42) + " ", challenge: OAuthFixture.challenge))
    }

    @Test func plainChallengesAreNotWellFormed() {
        #expect(!PKCE.isWellFormedChallenge(OAuthFixture.verifier + "abc"))
        #expect(!PKCE.isWellFormedChallenge(String(repeating: "+", count: 43)))
    }
}
