import Foundation
public import GatewayCore
import GatewayCrypto
import GatewayPolicy
public import GatewayTokens

/// What both grants share: check the patron may still receive tokens, sign them with the
/// one claim-assembly function, and register them in the grant store.
public struct TokenMinter: Sendable {
    let issuer: TokenIssuer
    let patrons: any PatronDirectory
    let grants: any GrantStore
    let random: any RandomSource

    /// A minter over the token issuer and the stores.
    public init(issuer: TokenIssuer, patrons: any PatronDirectory, grants: any GrantStore, random: any RandomSource) {
        self.issuer = issuer
        self.patrons = patrons
        self.grants = grants
        self.random = random
    }

    /// The patron of a grant, refused with `invalid_grant` when the account is gone, the
    /// patron restricted processing (GDPR Art. 18) or the library no longer subscribes.
    func eligiblePatron(_ mylibraryID: String, policy: ApplicationPolicy) throws(OAuthError) -> PatronRecord {
        let record: PatronRecord?
        do { record = try patrons.patron(mylibraryID) } catch { throw OAuthError.unavailable("patron directory: \(error)") }
        guard let record else { throw OAuthError(.invalidGrant, "The grant is no longer valid.", detail: "account gone") }
        guard !record.restricted else { throw OAuthError(.invalidGrant, "The grant is no longer valid.", detail: "processing restricted") }
        guard policy.libraries.includes(record.library) else {
            throw OAuthError(.invalidGrant, "The grant is no longer valid.", detail: "library does not subscribe")
        }
        return record
    }

    /// Signs the tokens for `facts`; the access token's id is `accessTokenID`.
    func sign(_ patron: PatronRecord, policy: ApplicationPolicy, facts: AuthorizationFacts, now: Instant, idToken: Bool,
              accessTokenID: String) throws(OAuthError) -> TokenIssuer.Tokens {
        do {
            return try issuer.issue(for: patron.claims, policy: policy, facts: facts,
                                    now: Date(timeIntervalSince1970: now.secondsSinceEpoch), idToken: idToken, accessTokenID: accessTokenID)
        } catch {
            throw OAuthError.unexpected("token signing: \(error)")
        }
    }

    /// A fresh access-token id (128 bits, hex).
    func newTokenID() -> String { random.hex(16) }
}
