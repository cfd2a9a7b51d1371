import Foundation
public import GatewayCore
public import GatewayCrypto
import GatewayJOSE

/// Verifies LibraryGateway tokens in a partner application, offline: the JWKS is fetched
/// once and cached as long as the gateway's `Cache-Control: max-age` allows; a token
/// signed with a key not in the cache triggers one refetch (at most every
/// `minimumRefetchInterval`, so forged `kid`s cannot make us hammer the gateway).
///
/// ```swift
/// let verifier = GatewayVerifier(issuer: "https://login.example.org", audience: "e-books")
/// let claims = try await verifier.verifyAccessToken(bearer)
/// print(claims.mylibraryID, claims.library)
/// ```
public actor GatewayVerifier {
    private let source: any KeySetSource
    private let validator: JWTValidator
    private let allowed: Set<SignatureAlgorithm>
    private let clock: any Clock
    private let minimumRefetchInterval: Double
    private let defaultMaxAge: Double
    private var cached: JSONWebKeySet?
    private var cachedUntil: Double = 0
    private var lastFetch: Double = -.infinity

    /// A verifier for tokens from `issuer` meant for `audience` (your client id). The JWKS
    /// comes from `issuer + "/jwks.json"` unless `keySource` says otherwise.
    public init(issuer: String, audience: String, keySource: (any KeySetSource)? = nil,
                allowedAlgorithms: Set<SignatureAlgorithm> = Set(SignatureAlgorithm.allCases), leewaySeconds: Double = 30,
                minimumRefetchInterval: Double = 30, defaultMaxAge: Double = 300, clock: any Clock = SystemClock()) {
        source = keySource ?? HTTPKeySetSource(url: URL(string: issuer + "/jwks.json")!)
        validator = JWTValidator(issuer: issuer, audience: audience, type: nil, leewaySeconds: leewaySeconds)
        allowed = allowedAlgorithms
        self.clock = clock
        self.minimumRefetchInterval = minimumRefetchInterval
        self.defaultMaxAge = defaultMaxAge
    }

    /// Verifies an RFC 9068 access token (`typ: at+jwt`).
    public func verifyAccessToken(_ token: String) async throws(GatewayVerifierError) -> GatewayClaims {
        try await verify(token, type: "at+jwt")
    }

    /// Verifies an ID token; when `nonce` is given it must match (OIDC Core §3.1.3.7).
    public func verifyIDToken(_ token: String, nonce: String? = nil) async throws(GatewayVerifierError) -> GatewayClaims {
        let claims = try await verify(token, type: "JWT")
        if let nonce, claims.nonce != nonce { throw .nonceMismatch }
        return claims
    }

    /// Verifies any of our tokens whose `typ` is `type` (nil: any).
    public func verify(_ token: String, type: String?) async throws(GatewayVerifierError) -> GatewayClaims {
        var keys = try await keySet(forceRefresh: false)
        var verified: VerifiedJWS
        do {
            verified = try JWS.verify(token, keys: keys, allowed: allowed)
        } catch .unknownKey {
            keys = try await keySet(forceRefresh: true)
            do { verified = try JWS.verify(token, keys: keys, allowed: allowed) } catch { throw .invalidToken(error) }
        } catch {
            throw .invalidToken(error)
        }
        var rules = validator
        rules.type = type
        do { try rules.validate(verified, now: clock.now()) } catch { throw .invalidClaims(error) }
        return try GatewayClaims(verified.claims)
    }

    private func keySet(forceRefresh: Bool) async throws(GatewayVerifierError) -> JSONWebKeySet {
        let now = clock.monotonicSeconds()
        if let cached, now < cachedUntil, !forceRefresh { return cached }
        if let cached, now - lastFetch < minimumRefetchInterval { return cached }
        lastFetch = now
        do {
            let (body, maxAge) = try await source.fetch()
            let keys = try JSONWebKeySet(json: body)
            cached = keys
            cachedUntil = now + (maxAge ?? defaultMaxAge)
            return keys
        } catch let error as GatewayVerifierError {
            throw error
        } catch {
            if let cached { return cached }
            throw .keySetUnavailable(String(describing: error).prefix(200).description)
        }
    }
}
