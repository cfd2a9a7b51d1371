/// Where authorization codes live between the authorization and the token endpoint (Redis
/// in production). Codes are kept only under `OpaqueToken.hash` of the code, with a TTL,
/// and consumed atomically: of two concurrent exchanges exactly one gets the code.
///
/// Every method throws `.unavailable` when the store is down: the token endpoint then
/// issues nothing.
public protocol AuthorizationCodeStore: Sendable {
    /// Keeps `code` under `codeHash` for `ttlSeconds`.
    func save(_ code: AuthorizationCode, codeHash: String, ttlSeconds: Int) throws(OAuthStoreError)

    /// Takes the code named `codeHash` out of use, atomically. A consumed code is
    /// remembered (until its TTL ends) so that a second use is told apart from an unknown
    /// code and can revoke what the first use issued.
    func consume(codeHash: String) throws(OAuthStoreError) -> CodeRedemption
}

/// The outcome of presenting an authorization code.
public enum CodeRedemption: Sendable, Equatable {
    /// First use: here is what the code stands for.
    case fresh(AuthorizationCode)
    /// The code was used before: revoke the grant it started (`grantID`).
    case replayed(grantID: String)
    /// No such code (never issued, or expired).
    case unknown
}
