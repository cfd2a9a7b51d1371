public import Foundation
public import GatewayCore
public import GatewayCrypto
public import GatewayPolicy

/// Mints the ID token and access token of one grant: claims from `ClaimAssembler`,
/// ID tokens signed with the policy's `id_token_signed_response_alg`, access tokens with
/// the gateway's configured algorithm (RFC 9068, `typ: at+jwt`), lifetimes from the policy.
public struct TokenIssuer: Sendable {
    private let signer: TokenSigner
    private let issuer: String
    private let accessTokenAlgorithm: SignatureAlgorithm
    private let random: any RandomSource

    /// An issuer for tokens with `iss` = `issuer`.
    public init(signer: TokenSigner, issuer: String, accessTokenAlgorithm: SignatureAlgorithm, random: any RandomSource) {
        self.signer = signer
        self.issuer = issuer
        self.accessTokenAlgorithm = accessTokenAlgorithm
        self.random = random
    }

    /// The tokens of one grant.
    public struct Tokens: Sendable {
        /// The OIDC ID token.
        public let idToken: String
        /// The RFC 9068 access token.
        public let accessToken: String
        /// Seconds until the access token expires.
        public let expiresIn: Int
        /// Granted scopes.
        public let scope: Set<String>
    }

    /// Signs both tokens for `patron` and `policy` at `now`.
    public func issue(for patron: PatronClaimsSource, policy: ApplicationPolicy, facts: AuthorizationFacts,
                      now: Date = Date()) throws(TokenSigningError) -> Tokens {
        let claimPolicy = ClaimPolicy(policy: policy)
        let instant = Instant(secondsSinceEpoch: now.timeIntervalSince1970)
        let lifetimes = policy.tokenLifetimes
        let idClaims = ClaimAssembler.idToken(patron, policy: claimPolicy, facts: facts, issuance: issuance(instant, lifetimes.idTokenSeconds))
        let accessClaims = ClaimAssembler.accessToken(patron, policy: claimPolicy, facts: facts,
                                                      issuance: issuance(instant, lifetimes.accessTokenSeconds))
        let idAlgorithm = SignatureAlgorithm(rawValue: policy.idTokenSignedResponseAlg.rawValue) ?? .rs256
        return Tokens(
            idToken: try signer.sign(idClaims, algorithm: idAlgorithm, type: TokenSigner.idTokenType, at: now),
            accessToken: try signer.sign(accessClaims, algorithm: accessTokenAlgorithm, type: TokenSigner.accessTokenType, at: now),
            expiresIn: lifetimes.accessTokenSeconds,
            scope: ClaimAssembler.grantedScopes(facts, policy: claimPolicy))
    }

    private func issuance(_ now: Instant, _ lifetime: Int) -> IssuanceFacts {
        IssuanceFacts(issuer: issuer, now: now, lifetimeSeconds: lifetime, tokenID: random.hex(16))
    }
}
