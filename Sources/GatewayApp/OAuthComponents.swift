import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewayOAuth
import GatewayPolicy
import GatewayRedis
import GatewaySQLite
import GatewayTokens

/// Builds the OpenID Connect endpoints from the shared parts: policies from the catalog,
/// codes and grants in Redis, consents and patrons in the SQL store.
struct OAuthComponents {
    /// What the account pages and the OIDC endpoints share.
    struct Shared {
        let sessions: any SessionStore
        let patrons: any PatronStore
        let hasher: PasswordHashingPool
        let cookies: SessionCookies
    }

    static func routes(_ configuration: GatewayConfiguration, shared: Shared, catalog: PolicyCatalog, keyRoutes: KeyRoutes,
                       signer: TokenSigner, database: SQLiteDatabase, redis: RedisClient, sessionEnded: @escaping @Sendable (Session) -> Void,
                       logger: Logger, clock: any Clock, random: any RandomSource) -> OAuthRoutes {
        let issuer = configuration.issuer
        let policies: @Sendable (String) -> ApplicationPolicy? = { catalog.policy(clientID: $0) }
        let grants = RedisGrantStore(client: redis, clock: clock)
        let patrons = PatronStoreDirectory(patrons: shared.patrons)
        let tokenIssuer = TokenIssuer(signer: signer, issuer: issuer, accessTokenAlgorithm: configuration.accessTokenAlgorithm, random: random)
        let minter = TokenMinter(issuer: tokenIssuer, patrons: patrons, grants: grants, random: random)
        let verifier = OwnTokenVerifier(issuer: issuer, accessTokenAlgorithm: configuration.accessTokenAlgorithm) { keyRoutes.publishedKeys() }
        let authenticator = authenticator(issuer: issuer, policies: policies, shared: shared, redis: redis, clock: clock)
        let codes = RedisAuthorizationCodeStore(client: redis, clock: clock)
        return OAuthRoutes(
            checks: AuthorizationChecks(policies: policies), authenticator: authenticator,
            tokenEndpoint: TokenEndpoint(authenticator: authenticator, handlers: [
                AuthorizationCodeGrant(codes: codes, minter: minter), RefreshTokenGrant(minter: minter),
            ], clock: clock),
            introspection: Introspection(authenticator: authenticator, verifier: verifier, grants: grants, patrons: patrons, issuer: issuer, clock: clock),
            revocation: Revocation(authenticator: authenticator, verifier: verifier, grants: grants, clock: clock),
            userinfo: Userinfo(verifier: verifier, grants: grants, patrons: patrons, policies: policies, clock: clock),
            verifier: verifier, policies: policies, sessions: shared.sessions, patrons: shared.patrons,
            consents: SQLiteConsentStore(database: database), codes: codes, sessionEnded: sessionEnded, cookies: shared.cookies,
            issuer: issuer, clock: clock, random: random, logger: logger)
    }

    /// Client authentication for the token, introspection and revocation endpoints.
    private static func authenticator(issuer: String, policies: @escaping @Sendable (String) -> ApplicationPolicy?, shared: Shared,
                                      redis: RedisClient, clock: any Clock) -> ClientAuthenticator {
        let fetcher = ClientKeySetFetcher(clock: clock)
        let assertions = ClientAssertionVerifier(
            issuer: issuer, endpoints: ["/token", "/introspect", "/revoke"].map { issuer + $0 },
            replay: RedisAssertionReplayGuard(client: redis)) { try fetcher.keys(at: $0) }
        return ClientAuthenticator(policies: policies, secrets: ClientSecretVerifier(pool: shared.hasher), assertions: assertions, clock: clock)
    }
}
