import GatewayCore
import GatewayCrypto
import GatewayDemoApp
import GatewayHTTP
import Testing

@Suite struct PKCETests {
    /// RFC 7636 Appendix B: the example verifier and its S256 challenge.
    @Test func s256ChallengeMatchesRFC7636AppendixB() {
        #expect(PKCE.challenge(for: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk") == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
    }

    /// RFC 7636 §4.1: 43–128 characters of the unreserved set; 32 random bytes give 43.
    @Test func verifierIs43UnreservedCharacters() {
        let verifier = PKCE.newVerifier(random: SecureRandom())
        #expect(verifier.count == 43)
        #expect(verifier.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-._~".contains($0)) })
    }

    @Test func loginsNeverRepeatStateNonceOrVerifier() {
        let logins = (0..<200).map { _ in PendingLogin(random: SecureRandom(), startedAt: 0) }
        let values = logins.flatMap { [$0.state, $0.nonce, $0.codeVerifier] }
        #expect(Set(values).count == values.count)
        #expect(logins.allSatisfy { $0.state.count == 22 && $0.nonce.count == 22 && $0.state != $0.nonce })
    }

    @Test func authorizationURLCarriesTheS256ChallengeOfTheVerifier() throws {
        let login = PendingLogin(state: "st", nonce: "n o", codeVerifier: "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk", startedAt: 0)
        let url = login.authorizationURL(endpoint: "http://gw.test/authorize", clientID: "e-books",
                                         redirectURI: "http://127.0.0.1:8091/callback", scopes: ["openid", "offline_access"])
        let (path, query) = URLDecoding.splitTarget(url)
        #expect(path == "http://gw.test/authorize")
        let fields = Dictionary(query.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        #expect(fields == [
            "response_type": "code", "client_id": "e-books", "redirect_uri": "http://127.0.0.1:8091/callback",
            "scope": "openid offline_access", "state": "st", "nonce": "n o",
            "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "code_challenge_method": "S256",
        ])
        #expect(!url.contains("dBjftJeZ"), "the verifier itself never leaves the app")
    }
}
