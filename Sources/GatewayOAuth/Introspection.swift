public import GatewayCore
import GatewayPolicy
import GatewayTokens

/// The introspection endpoint (RFC 7662): client-authenticated; a client learns only about
/// its own tokens — anything else, like an unknown, expired or revoked token, reads
/// `{"active": false}` (§2.2). Active responses come from the same claim assembly as the
/// tokens themselves, so they never carry more than the token did.
public struct Introspection: Sendable {
    private let authenticator: ClientAuthenticator
    private let verifier: OwnTokenVerifier
    private let grants: any GrantStore
    private let patrons: any PatronDirectory
    private let issuer: String
    private let clock: any Clock

    /// Introspection over the stores.
    public init(authenticator: ClientAuthenticator, verifier: OwnTokenVerifier, grants: any GrantStore, patrons: any PatronDirectory,
                issuer: String, clock: any Clock) {
        self.authenticator = authenticator
        self.verifier = verifier
        self.grants = grants
        self.patrons = patrons
        self.issuer = issuer
        self.clock = clock
    }

    /// The introspection response object.
    public func handle(authorization: String?, parameters: OAuthParameters) throws(OAuthError) -> [String: JSONValue] {
        let client = try authenticator.authenticate(authorization: authorization, parameters: parameters)
        let token = try parameters.required("token")
        _ = try parameters.single("token_type_hint")
        let now = clock.now()
        let found: Found?
        if let refresh = OpaqueToken(token) {
            found = try refreshToken(refresh, clientID: client.clientID, now: now)
        } else {
            found = try accessToken(token, clientID: client.clientID, now: now)
        }
        guard let (mylibraryID, facts, scopes, type) = found, let patron = try patron(mylibraryID) else { return Self.inactive }
        return ClaimAssembler.introspection(patron.claims, policy: ClaimPolicy(policy: client), scopes: scopes, issuance: facts, tokenType: type)
    }

    /// `{"active": false}`.
    public static let inactive: [String: JSONValue] = ["active": .bool(false)]

    private typealias Found = (String, IssuanceFacts, Set<String>, String)

    private func accessToken(_ token: String, clientID: String, now: Instant) throws(OAuthError) -> Found? {
        guard let claims = verifier.accessToken(token, now: now), case .string(clientID)? = claims["client_id"],
              case .string(let jti)? = claims["jti"], case .string(let sub)? = claims["sub"],
              case .number(let iat)? = claims["iat"], case .number(let exp)? = claims["exp"] else { return nil }
        guard try active(jti) else { return nil }
        let scopes: Set<String> = if case .string(let scope)? = claims["scope"] { Set(scope.split(separator: " ").map(String.init)) } else { [] }
        let facts = IssuanceFacts(issuer: issuer, now: Instant(secondsSinceEpoch: iat), lifetimeSeconds: Int(exp - iat), tokenID: jti)
        return (sub, facts, scopes, "Bearer")
    }

    private func refreshToken(_ token: OpaqueToken, clientID: String, now: Instant) throws(OAuthError) -> Found? {
        let grant: Grant?
        do { grant = try grants.grant(refreshTokenHash: token.hash, at: now) } catch { throw OAuthError.unavailable("grant store: \(error)") }
        guard let grant, grant.clientID == clientID else { return nil }
        let lifetime = Int(grant.expiresAt.secondsSinceEpoch - grant.createdAt.secondsSinceEpoch)
        let facts = IssuanceFacts(issuer: issuer, now: grant.createdAt, lifetimeSeconds: lifetime, tokenID: grant.grantID)
        return (grant.mylibraryID, facts, Set(grant.scopes), "refresh_token")
    }

    private func active(_ jti: String) throws(OAuthError) -> Bool {
        do { return try grants.isAccessTokenActive(jti) } catch { throw OAuthError.unavailable("grant store: \(error)") }
    }

    /// The patron, unless gone or restricted (then the token reads inactive).
    private func patron(_ mylibraryID: String) throws(OAuthError) -> PatronRecord? {
        let record: PatronRecord?
        do { record = try patrons.patron(mylibraryID) } catch { throw OAuthError.unavailable("patron directory: \(error)") }
        guard let record, !record.restricted else { return nil }
        return record
    }
}
