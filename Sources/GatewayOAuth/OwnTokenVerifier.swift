public import GatewayCore
public import GatewayCrypto
public import GatewayJOSE
import GatewayTokens

/// Checks tokens this gateway signed, when they come back: access tokens at userinfo,
/// introspection and revocation, ID tokens as `id_token_hint` at logout. Signature with a
/// published key and the algorithm bound to it, our `iss`, the expected `typ`, and (unless
/// told otherwise) `exp`.
public struct OwnTokenVerifier: Sendable {
    private let issuer: String
    private let keys: @Sendable () -> JSONWebKeySet
    private let accessTokenAlgorithm: SignatureAlgorithm
    private let cache: VerifiedTokenCache

    /// A verifier for tokens of `issuer`, with the published keys from `keys`, remembering
    /// verified access tokens in `cache`.
    public init(issuer: String, accessTokenAlgorithm: SignatureAlgorithm, cache: VerifiedTokenCache = VerifiedTokenCache(),
                keys: @escaping @Sendable () -> JSONWebKeySet) {
        self.issuer = issuer
        self.accessTokenAlgorithm = accessTokenAlgorithm
        self.cache = cache
        self.keys = keys
    }

    /// The claims of a live access token (RFC 9068 §4), or nil. With `checkExpiry` false
    /// (revocation) an expired token's claims are returned too.
    public func accessToken(_ token: String, now: Instant, checkExpiry: Bool = true) -> [String: JSONValue]? {
        if let claims = cache.claims(of: token, now: now) { return claims }
        guard let claims = verifiedAccessToken(token) else { return nil }
        guard Self.isUnexpired(claims, now: now) else { return checkExpiry ? nil : claims }
        cache.remember(token, claims: claims, now: now)
        return claims
    }

    private func verifiedAccessToken(_ token: String) -> [String: JSONValue]? {
        guard let jws = try? JWS.verify(token, keys: keys(), allowed: [accessTokenAlgorithm]),
              jws.header.type?.lowercased() == TokenSigner.accessTokenType, case .string(issuer)? = jws.claims["iss"],
              case .string? = jws.claims["jti"], case .string? = jws.claims["client_id"], case .string? = jws.claims["sub"] else { return nil }
        return jws.claims
    }

    /// The claims of an ID token we issued, expired or not (OIDC RP-Initiated Logout §2:
    /// the OP should accept an expired `id_token_hint`), or nil.
    public func idTokenHint(_ token: String) -> [String: JSONValue]? {
        guard let jws = try? JWS.verify(token, keys: keys()), jws.header.type?.lowercased() != TokenSigner.accessTokenType,
              case .string(issuer)? = jws.claims["iss"], case .string? = jws.claims["aud"] else { return nil }
        return jws.claims
    }

    private static func isUnexpired(_ claims: [String: JSONValue], now: Instant) -> Bool {
        guard case .number(let exp)? = claims["exp"] else { return false }
        return now.secondsSinceEpoch < exp
    }
}
