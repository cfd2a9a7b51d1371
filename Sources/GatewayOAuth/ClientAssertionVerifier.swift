public import GatewayCore
import GatewayCrypto
public import GatewayJOSE
public import GatewayPolicy

/// Verifies `private_key_jwt` client assertions (RFC 7523 §3, OIDC Core §9): signed by a key
/// of the client's JWKS with an algorithm bound to that key, `iss` = `sub` = client_id,
/// `aud` naming this server (issuer or token endpoint), not expired, not valid for longer
/// than five minutes, and a `jti` never seen before.
public struct ClientAssertionVerifier: Sendable {
    /// Fetches a client's JWKS from its `jwks_uri` (cached by the caller's implementation).
    public typealias KeySetFetcher = @Sendable (String) throws -> JSONWebKeySet
    private let issuer: String
    private let audiences: Set<String>
    private let replay: any AssertionReplayGuard
    private let fetch: KeySetFetcher
    static let maximumLifetimeSeconds = 300.0

    /// A verifier accepting assertions addressed to `issuer` or any of `endpoints`.
    public init(issuer: String, endpoints: [String], replay: any AssertionReplayGuard, fetch: @escaping KeySetFetcher) {
        self.issuer = issuer
        self.audiences = Set(endpoints + [issuer])
        self.replay = replay
        self.fetch = fetch
    }

    /// The client id whose assertion this is, read before verification to find its keys.
    public static func claimedIssuer(of assertion: String) -> String? {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].utf8.count <= JWS.maxTokenBytes, let payload = Base64URL.decode(parts[1]),
              case .object(let claims)? = try? StrictJSONParser.parse(payload), case .string(let iss)? = claims["iss"] else { return nil }
        return iss
    }

    /// Checks `assertion` for `policy`'s client at `now`.
    public func verify(_ assertion: String, policy: ApplicationPolicy, now: Instant) throws(OAuthError) {
        let jws: VerifiedJWS
        do { jws = try JWS.verify(assertion, keys: try keys(for: policy)) } catch let error as OAuthError { throw error } catch {
            throw Self.refused("assertion signature: \(error)")
        }
        let claims = jws.claims
        guard case .string(let iss)? = claims["iss"], case .string(let sub)? = claims["sub"], iss == policy.clientID,
              sub == policy.clientID else { throw Self.refused("assertion iss/sub is not the client") }
        guard Self.audiences(claims["aud"]).contains(where: audiences.contains) else { throw Self.refused("assertion aud") }
        guard case .number(let exp)? = claims["exp"], exp > now.secondsSinceEpoch,
              exp <= now.secondsSinceEpoch + Self.maximumLifetimeSeconds else { throw Self.refused("assertion exp missing, past or too far") }
        guard case .string(let jti)? = claims["jti"], !jti.isEmpty, jti.utf8.count <= 256 else { throw Self.refused("assertion jti") }
        let first: Bool
        do { first = try replay.firstUse(jti: jti, clientID: policy.clientID, expiresAt: Instant(secondsSinceEpoch: exp), at: now) } catch {
            throw OAuthError.unavailable("assertion replay guard: \(error)")
        }
        guard first else { throw Self.refused("assertion jti replayed") }
    }

    private func keys(for policy: ApplicationPolicy) throws -> JSONWebKeySet {
        switch policy.publicKeys {
        case .jwks(let document)?: return try JSONWebKeySet(json: Array(document.serialized.utf8))
        case .jwksURI(let uri)?: return try fetch(uri)
        case nil: throw Self.refused("client has no public keys")
        }
    }

    private static func audiences(_ value: JSONValue?) -> [String] {
        switch value {
        case .string(let one)?: [one]
        case .array(let many)?: many.compactMap { if case .string(let item) = $0 { item } else { nil } }
        default: []
        }
    }

    private static func refused(_ detail: String) -> OAuthError {
        OAuthError(.invalidClient, "Client authentication failed.", detail: detail)
    }
}
