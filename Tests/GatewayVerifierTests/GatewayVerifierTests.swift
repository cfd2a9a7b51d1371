import Foundation
import GatewayApp
import GatewayCore
import GatewayCrypto
import GatewayJOSE
import GatewayTesting
import GatewayTokens
import GatewayVerifier
import Synchronization
import Testing

/// A gateway serving /jwks.json from a fresh keys directory, and a signer over the same keys.
final class KeyServer: Sendable {
    let directory = TemporaryDirectory(prefix: "verifier")
    let redis: RedisServerProcess
    let application: GatewayApplication
    let signer: TokenSigner
    let admin: KeyAdministration
    let issuer: String

    init(jwksMaxAge: Int = 3600) throws {
        redis = try RedisServerProcess()
        admin = KeyAdministration(directory: directory.path)
        for algorithm in SignatureAlgorithm.allCases { try admin.generate(algorithm) }
        let port = freeLoopbackPort()
        issuer = "http://127.0.0.1:\(port)"
        let configuration = try CommandLineInterface.loadConfiguration([
            "--port", String(port), "--issuer", issuer, "--redis-url", redis.url, "--keys-dir", directory.path,
            "--policies-dir", emptyPolicies(directory), "--sqlite-path", directory.file("g.sqlite3"), "--jwks-max-age", String(jwksMaxAge),
        ], environment: [:])
        application = try GatewayApplication(configuration: configuration, logSink: MemoryLogSink())
        try application.start()
        signer = TokenSigner(keys: try KeyRingProvider(directory: directory.path, checkInterval: 0))
    }

    deinit {
        application.stop()
        directory.remove()
    }

    var port: UInt16 { UInt16(issuer.split(separator: ":").last!)! }

    /// Rotates with no publication period and waits until the running server serves the
    /// new key (it rereads the manifest every few seconds).
    func rotateNow(_ algorithm: SignatureAlgorithm = .es256) throws {
        let entry = try admin.rotate(algorithm, publishFor: 0)
        for _ in 0..<200 {
            if (try? rawRequest(port: port, "GET", "/jwks.json").text.contains(entry.kid)) == true { return }
            usleep(50_000)
        }
        throw KeyRingError.unknownKey(entry.kid)
    }

    func token(_ algorithm: SignatureAlgorithm = .es256, type: String = "at+jwt", audience: String = "e-books",
               issuer: String? = nil, lifetime: Double = 600, notBefore: Double = 0) throws -> String {
        let now = Date().timeIntervalSince1970.rounded(.down)
        return try signer.sign([
            "iss": .string(issuer ?? self.issuer), "aud": .string(audience), "sub": .string("ml-1"), "mylibrary_id": .string("ml-1"),
            "library": .string("bibliotheek-noord"), "iat": .number(now), "nbf": .number(now + notBefore), "exp": .number(now + lifetime),
            "client_id": .string(audience), "scope": .string("openid"), "jti": .string(UUID().uuidString),
        ], algorithm: algorithm, type: type)
    }
}

/// Real wall-clock time (tokens carry real timestamps) with a monotonic clock the test moves.
final class SteppedClock: Clock {
    private let offset = Mutex(0.0)
    func now() -> Instant { SystemClock().now() }
    func monotonicSeconds() -> Double { offset.withLock { $0 } }
    func advance(_ seconds: Double) { offset.withLock { $0 += seconds } }
}

/// Counts fetches, to observe caching and refetch limits.
final class CountingSource: KeySetSource {
    let inner: HTTPKeySetSource
    let count = Mutex(0)
    init(url: String) { inner = HTTPKeySetSource(url: URL(string: url)!) }
    func fetch() async throws -> (body: [UInt8], maxAge: Double?) {
        count.withLock { $0 += 1 }
        return try await inner.fetch()
    }
    var fetches: Int { count.withLock { $0 } }
}

@Suite struct GatewayVerifierTests {
    @Test(arguments: SignatureAlgorithm.allCases)
    func accessTokenVerifiesAgainstTheServedJWKS(algorithm: SignatureAlgorithm) async throws {
        let server = try KeyServer()
        let verifier = GatewayVerifier(issuer: server.issuer, audience: "e-books")
        let claims = try await verifier.verifyAccessToken(try server.token(algorithm))
        #expect(claims.mylibraryID == "ml-1")
        #expect(claims.library == "bibliotheek-noord")
        #expect(claims.email == nil)
        #expect(claims.scopes == ["openid"])
    }

    @Test func keySetIsCachedForItsMaxAge() async throws {
        let server = try KeyServer()
        let source = CountingSource(url: server.issuer + "/jwks.json")
        let verifier = GatewayVerifier(issuer: server.issuer, audience: "e-books", keySource: source)
        for _ in 0..<5 { _ = try await verifier.verifyAccessToken(try server.token()) }
        #expect(source.fetches == 1)
    }

    @Test func unknownKidTriggersOneRefetchThenIsRateLimited() async throws {
        let server = try KeyServer()
        let source = CountingSource(url: server.issuer + "/jwks.json")
        let clock = SteppedClock()
        let verifier = GatewayVerifier(issuer: server.issuer, audience: "e-books", keySource: source, minimumRefetchInterval: 30,
                                       clock: clock)
        _ = try await verifier.verifyAccessToken(try server.token())
        try server.rotateNow()
        clock.advance(60)
        _ = try await verifier.verifyAccessToken(try server.token())
        #expect(source.fetches == 2)
        let attacker = try SigningKey.generate(.es256)
        let forged = try JWS.sign(payload: Array("{}".utf8), key: attacker, keyID: "made-up", type: "at+jwt")
        for _ in 0..<3 {
            await #expect(throws: GatewayVerifierError.invalidToken(.unknownKey(kid: "made-up"))) { try await verifier.verifyAccessToken(forged) }
        }
        #expect(source.fetches == 2)
        clock.advance(60)
        await #expect(throws: GatewayVerifierError.invalidToken(.unknownKey(kid: "made-up"))) { try await verifier.verifyAccessToken(forged) }
        #expect(source.fetches == 3)
    }

    @Test func tokenSignedBeforeARotationStillVerifiesAfterIt() async throws {
        let server = try KeyServer(jwksMaxAge: 0)
        let before = try server.token()
        try server.rotateNow()
        let verifier = GatewayVerifier(issuer: server.issuer, audience: "e-books")
        _ = try await verifier.verifyAccessToken(before)
        _ = try await verifier.verifyAccessToken(try server.token())
    }

    @Test func registeredClaimRulesAreEnforced() async throws {
        let server = try KeyServer()
        let verifier = GatewayVerifier(issuer: server.issuer, audience: "e-books")
        await #expect(throws: GatewayVerifierError.invalidClaims(.wrongAudience)) {
            try await verifier.verifyAccessToken(try server.token(audience: "reading-tipper"))
        }
        await #expect(throws: GatewayVerifierError.invalidClaims(.wrongIssuer)) {
            try await verifier.verifyAccessToken(try server.token(issuer: "https://evil.example"))
        }
        await #expect(throws: GatewayVerifierError.invalidClaims(.expired)) {
            try await verifier.verifyAccessToken(try server.token(lifetime: -120))
        }
        await #expect(throws: GatewayVerifierError.invalidClaims(.notYetValid)) {
            try await verifier.verifyAccessToken(try server.token(notBefore: 600))
        }
    }

    @Test func idTokenIsNotAcceptedAsAnAccessTokenAndViceVersa() async throws {
        let server = try KeyServer()
        let verifier = GatewayVerifier(issuer: server.issuer, audience: "e-books")
        await #expect(throws: GatewayVerifierError.invalidClaims(.wrongType("JWT"))) {
            try await verifier.verifyAccessToken(try server.token(type: "JWT"))
        }
        await #expect(throws: GatewayVerifierError.invalidClaims(.wrongType("at+jwt"))) {
            try await verifier.verifyIDToken(try server.token(type: "at+jwt"))
        }
    }

    @Test func gatewayDownWithoutCachedKeysIsAClearError() async throws {
        let port = freeLoopbackPort()
        let verifier = GatewayVerifier(issuer: "http://127.0.0.1:\(port)", audience: "e-books")
        let key = try SigningKey.generate(.es256)
        let token = try JWS.sign(payload: Array("{}".utf8), key: key, keyID: "k", type: "at+jwt")
        do {
            _ = try await verifier.verifyAccessToken(token)
            Issue.record("expected an error")
        } catch {
            guard case .keySetUnavailable = error else { Issue.record("unexpected \(error)"); return }
        }
    }
}
