public import Foundation
import GatewayCore
import GatewayCrypto
public import GatewayPolicy

extension TokenSigner {
    /// `typ` of logout tokens (Back-Channel Logout 1.0 §2.4): explicit typing keeps a logout
    /// token from being accepted as an ID token and the other way round.
    public static let logoutTokenType = "logout+jwt"
}

extension TokenIssuer {
    /// Default logout token lifetime: long enough for the delivery retries, short enough
    /// that a captured token is soon worthless (Back-Channel Logout 1.0 §2.4 recommends
    /// a lifetime of at most two minutes).
    public static let logoutTokenLifetimeSeconds = 120

    /// A signed logout token for `policy`'s application telling it that the session `sid`
    /// of patron `mylibraryID` ended (Back-Channel Logout 1.0 §2.4). Signed like the
    /// application's ID tokens, with its `id_token_signed_response_alg`, and typed
    /// `logout+jwt`; fails closed when no key of that algorithm is active.
    public func logoutToken(mylibraryID: String, sid: String?, policy: ApplicationPolicy,
                            lifetimeSeconds: Int = TokenIssuer.logoutTokenLifetimeSeconds,
                            now: Date = Date()) throws(TokenSigningError) -> String {
        let issuance = IssuanceFacts(issuer: issuer, now: Instant(secondsSinceEpoch: now.timeIntervalSince1970),
                                     lifetimeSeconds: lifetimeSeconds, tokenID: random.hex(16))
        let claims = ClaimAssembler.logoutToken(mylibraryID: mylibraryID, sessionID: sid, audience: policy.clientID,
                                                issuance: issuance)
        let algorithm = SignatureAlgorithm(rawValue: policy.idTokenSignedResponseAlg.rawValue) ?? .rs256
        return try signer.sign(claims, algorithm: algorithm, type: TokenSigner.logoutTokenType, at: now)
    }
}
