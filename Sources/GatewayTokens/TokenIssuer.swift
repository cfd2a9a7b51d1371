public import Foundation
public import GatewayCore
public import GatewayCrypto
public import GatewayPolicy

/// Mints the ID token and access token of one grant: claims from `ClaimAssembler`,
/// ID tokens signed with the policy's `id_token_signed_response_alg`, access tokens with
/// the gateway's configured algorithm (RFC 9068, `typ: at+jwt`), lifetimes from the policy.
public struct TokenIssuer: Sendable {
    let signer: TokenSigner
    let issuer: String
    private let accessTokenAlgorithm: SignatureAlgorithm
    let random: any RandomSource

    /// An issuer for tokens with `iss` = `issuer`.
    public init(signer: TokenSigner, issuer: String, accessTokenAlgorithm: SignatureAlgorithm, random: any RandomSource) {
        self.signer = signer
        self.issuer = issuer
        self.accessTokenAlgorithm = accessTokenAlgorithm
        self.random = random
    }

    /// The tokens of one grant.
    public struct Tokens: Sendable {
        /// The OIDC ID token (nil for a refresh, which re-issues only the access token).
        public let idToken: String?
        /// The RFC 9068 access token.
        public let accessToken: String
        /// The access token's `jti`, which stores register to tell revoked tokens apart.
        public let accessTokenID: String
        /// Seconds until the access token expires.
        public let expiresIn: Int
        /// Granted scopes.
        public let scope: Set<String>
    }

    /// Signs both tokens for `patron` and `policy` at `now` (the access token's `jti` is
    /// `accessTokenID` when given, so a store can register it first); without `idToken` only the
    /// access token (a refresh: OIDC Core §12.2 makes a new ID token optional, and signing
    /// one with the client's algorithm — often RSA — would dominate the cost of a refresh).
    public func issue(for patron: PatronClaimsSource, policy: ApplicationPolicy, facts: AuthorizationFacts,
                      now: Date = Date(), idToken: Bool = true, accessTokenID: String? = nil) throws(TokenSigningError) -> Tokens {
        let claimPolicy = ClaimPolicy(policy: policy)
        let instant = Instant(secondsSinceEpoch: now.timeIntervalSince1970)
        let lifetimes = policy.tokenLifetimes
        var access = issuance(instant, lifetimes.accessTokenSeconds)
        if let accessTokenID { access.tokenID = accessTokenID }
        let accessClaims = ClaimAssembler.accessToken(patron, policy: claimPolicy, facts: facts, issuance: access)
        var signedID: String?
        if idToken {
            let idClaims = ClaimAssembler.idToken(patron, policy: claimPolicy, facts: facts, issuance: issuance(instant, lifetimes.idTokenSeconds))
            let idAlgorithm = SignatureAlgorithm(rawValue: policy.idTokenSignedResponseAlg.rawValue) ?? .rs256
            signedID = try signer.sign(idClaims, algorithm: idAlgorithm, type: TokenSigner.idTokenType, at: now)
        }
        return Tokens(
            idToken: signedID,
            accessToken: try signer.sign(accessClaims, algorithm: accessTokenAlgorithm, type: TokenSigner.accessTokenType, at: now),
            accessTokenID: access.tokenID, expiresIn: lifetimes.accessTokenSeconds,
            scope: ClaimAssembler.grantedScopes(facts, policy: claimPolicy))
    }

    private func issuance(_ now: Instant, _ lifetime: Int) -> IssuanceFacts {
        IssuanceFacts(issuer: issuer, now: now, lifetimeSeconds: lifetime, tokenID: random.hex(16))
    }
}
