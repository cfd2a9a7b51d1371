import GatewayCore
import GatewayCrypto
import GatewayOAuth
import Testing

@Suite struct OpaqueTokenTests {
    @Test func generatedTokenHas256BitsInBase64URL() {
        let token = OpaqueToken.generate(using: SecureRandom())
        #expect(token.value.utf8.count == 43)
        #expect(OpaqueToken(token.value) == token)
    }

    @Test func garbageIsNotAToken() {
        #expect(OpaqueToken("") == nil)
        #expect(OpaqueToken(String(repeating: "a", count: 42)) == nil)
        #expect(OpaqueToken(String(repeating: "+", count: 43)) == nil)
    }

    @Test func hashIsSHA256HexAndNeverTheValue() {
        let token = OpaqueToken.generate(using: SecureRandom())
        #expect(token.hash.utf8.count == 64)
        #expect(token.hash != token.value)
        #expect("\(token)" == "OpaqueToken(redacted)")
    }

    @Test func sealedSuccessorOpensOnlyWithThePresentedToken() throws {
        let random = SecureRandom()
        let presented = OpaqueToken.generate(using: random)
        let successor = OpaqueToken.generate(using: random)
        let sealed = presented.seal(successor)
        #expect(presented.unseal(sealed) == successor)
        #expect(OpaqueToken.generate(using: random).unseal(sealed) != successor)
        #expect(!sealed.contains(successor.value))
        #expect(presented.unseal("zz") == nil)
    }

    @Test func aRetryIsSealedForOnlyWithAGraceWindow() {
        let random = SecureRandom()
        let presented = OpaqueToken.generate(using: random), successor = OpaqueToken.generate(using: random)
        #expect(presented.sealForRetry(successor, graceSeconds: 0) == "", "no window: nothing kept, no HMAC")
        #expect(presented.unseal(presented.sealForRetry(successor, graceSeconds: 5)) == successor)
    }
}
