import Dispatch
import GatewayCore
import GatewayOAuth
import GatewayTesting
import Synchronization
import Testing

/// What every `AuthorizationCodeStore` promises (RFC 6749 §4.1.2: single use, short-lived),
/// checked against the in-memory and the Redis store.
@Suite struct CodeStoreContractTests {
    @Test(arguments: OAuthBackend.allCases)
    func codeIsFreshOnceThenReplayedNamingItsGrant(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let value = OAuthStoreHarness.token()
        let code = harness.code()
        try harness.codes.save(code, codeHash: value.hash, ttlSeconds: 60)

        #expect(try harness.codes.consume(codeHash: value.hash) == .fresh(code))
        #expect(try harness.codes.consume(codeHash: value.hash) == .replayed(grantID: code.grantID))
        #expect(try harness.codes.consume(codeHash: value.hash) == .replayed(grantID: code.grantID))
    }

    @Test(arguments: OAuthBackend.allCases)
    func codeNeverSavedIsUnknown(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        try harness.codes.save(harness.code(), codeHash: OAuthStoreHarness.token().hash, ttlSeconds: 60)
        #expect(try harness.codes.consume(codeHash: OAuthStoreHarness.token().hash) == .unknown)
    }

    @Test(arguments: OAuthBackend.allCases)
    func codeAndItsReplayMarkerEndWithTheCodeLifetime(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let used = OAuthStoreHarness.token()
        let unused = OAuthStoreHarness.token()
        let usedCode = harness.code()
        try harness.codes.save(usedCode, codeHash: used.hash, ttlSeconds: 60)
        try harness.codes.save(harness.code(), codeHash: unused.hash, ttlSeconds: 60)

        harness.clock.advance(by: 59)
        #expect(try harness.codes.consume(codeHash: used.hash) == .fresh(usedCode))
        #expect(try harness.codes.consume(codeHash: used.hash) == .replayed(grantID: usedCode.grantID))
        harness.clock.advance(by: 1)
        #expect(try harness.codes.consume(codeHash: unused.hash) == .unknown, "60 s after issue")
        #expect(try harness.codes.consume(codeHash: used.hash) == .unknown, "the replay marker ends with the code")
    }

    @Test(arguments: OAuthBackend.allCases)
    func concurrentExchangesOfOneCodeGiveItToExactlyOne(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        for _ in 0..<10 {
            let value = OAuthStoreHarness.token()
            let code = harness.code()
            try harness.codes.save(code, codeHash: value.hash, ttlSeconds: 60)
            let outcomes = Mutex<[CodeRedemption]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                let outcome = try? harness.codes.consume(codeHash: value.hash)
                outcomes.withLock { $0.append(outcome ?? .unknown) }
            }
            let all = outcomes.withLock { $0 }
            #expect(all.filter { $0 == .fresh(code) }.count == 1)
            #expect(all.filter { $0 == .replayed(grantID: code.grantID) }.count == 7)
        }
    }

    @Test(arguments: OAuthBackend.allCases)
    func codeKeepsEveryFieldWithOrWithoutOptionalOnes(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let bare = harness.code(nonce: nil, acr: nil)
        let full = AuthorizationCode(
            grantID: OAuthStoreHarness.id(), clientID: "e-books", redirectURI: "https://e.example/cb?x=1&y=\"2\"",
            codeChallenge: "c", mylibraryID: OAuthStoreHarness.id(), scopes: [], requestedClaims: ["a claim", "naïve\"", ""],
            nonce: "", authTime: Instant(secondsSinceEpoch: 1_899_999_000.25), sid: "s", acr: "urn:x",
            issuedAt: harness.now)
        for code in [bare, full] {
            let value = OAuthStoreHarness.token()
            try harness.codes.save(code, codeHash: value.hash, ttlSeconds: 60)
            #expect(try harness.codes.consume(codeHash: value.hash) == .fresh(code))
        }
    }

    @Test(arguments: OAuthBackend.allCases)
    func savingUnderTheSameHashReplacesTheCode(backend: OAuthBackend) throws {
        let harness = try OAuthStoreHarness(backend)
        let value = OAuthStoreHarness.token()
        let second = harness.code()
        try harness.codes.save(harness.code(), codeHash: value.hash, ttlSeconds: 60)
        try harness.codes.save(second, codeHash: value.hash, ttlSeconds: 60)
        #expect(try harness.codes.consume(codeHash: value.hash) == .fresh(second))
    }
}
