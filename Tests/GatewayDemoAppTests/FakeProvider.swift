import Foundation
import GatewayCore
import GatewayCrypto
import GatewayHTTP
import GatewayJOSE

/// A stand-in for the gateway on a real loopback HTTP server (GatewayHTTP): discovery,
/// JWKS, and a small token + userinfo endpoint that checks PKCE the way the real
/// provider must. Tokens are signed with a test key published in its JWKS.
final class FakeProvider: Sendable {
    let issuer: String
    let key: SigningKey
    let keyID = "fake-key-1"
    let backend: FakeProviderBackend
    private let server: HTTPServer

    /// A provider on `port` (0: any) signing with a new `algorithm` key; without
    /// `endSession` its discovery document lists no end_session_endpoint.
    init(algorithm: SignatureAlgorithm = .rs256, endSession: Bool = true, port: UInt16 = 0) throws {
        key = try SigningKey.generate(algorithm)
        backend = FakeProviderBackend(key: key, keyID: keyID, endSession: endSession)
        var router = Router()
        backend.register(in: &router)
        let pipeline = RequestPipeline(
            router: router, proxies: TrustedProxies(), security: SecurityHeaders(strictTransportSecurity: false),
            metrics: HTTPMetrics(registry: MetricsRegistry()), logger: Logger(sink: MemoryLogSink()), clock: SystemClock(),
            random: SecureRandom(), logRequests: false)
        server = HTTPServer(configuration: HTTPServerConfiguration(port: port), responder: pipeline)
        try server.start()
        issuer = "http://127.0.0.1:\(server.port)"
        backend.issuer = issuer
    }

    deinit { server.stop(drainTimeout: 0) }

    /// A JWT signed by `key` (default: the published one) with header `kid` and `typ`.
    func sign(_ claims: [String: JSONValue], key: SigningKey? = nil, keyID: String? = nil, type: String?) throws -> String {
        try JWS.sign(payload: JSONValue.object(claims).serializedBytes, key: key ?? self.key, keyID: keyID ?? self.keyID, type: type)
    }

    /// A valid logout token for `audience` (Back-Channel Logout 1.0 §2.4) with `changes`
    /// applied (a `.null` value removes the claim).
    func logoutToken(audience: String, changes: [String: JSONValue] = [:], key: SigningKey? = nil, keyID: String? = nil,
                     type: String? = "logout+jwt") throws -> String {
        let now = Date().timeIntervalSince1970.rounded(.down)
        var claims: [String: JSONValue] = [
            "iss": .string(issuer), "aud": .string(audience), "iat": .number(now), "exp": .number(now + 120),
            "jti": .string(UUID().uuidString), "sub": .string(backend.subject), "sid": .string(backend.sid),
            "events": .object(["http://schemas.openid.net/event/backchannel-logout": .object([:])]),
        ]
        for (name, value) in changes { claims[name] = value == .null ? nil : value }
        return try sign(claims, key: key, keyID: keyID, type: type)
    }
}
