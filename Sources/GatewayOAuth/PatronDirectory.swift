public import GatewayTokens

/// Reads the patron facts that token issuance needs, by Mylibrary-id (the SQL store in
/// production). Nil means the account is gone (erased): nothing is issued.
public protocol PatronDirectory: Sendable {
    /// The patron, or nil when there is no such account.
    func patron(_ mylibraryID: String) throws(OAuthStoreError) -> PatronRecord?
}

/// What issuance needs to know about a patron: the claim inputs and whether the patron may
/// receive tokens at all.
public struct PatronRecord: Sendable, Equatable {
    /// The only patron data claim assembly may use.
    public let claims: PatronClaimsSource
    /// The patron's library (for the subscription check).
    public var library: String { claims.library }
    /// GDPR Art. 18: no tokens while processing is restricted.
    public var restricted: Bool { claims.processingRestricted }

    /// A record of `claims`.
    public init(claims: PatronClaimsSource) { self.claims = claims }
}
