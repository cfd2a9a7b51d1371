import Foundation
import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewayLibrarySystems
import GatewayRedis
import GatewaySQLite

/// Builds the patron-account parts from the configuration.
enum AccountComponents {
    /// The account routes and the parts the OIDC endpoints share with them; `sessionEnded`
    /// is told about every SSO session a logout ends (for back-channel logout).
    static func build(_ configuration: GatewayConfiguration, database: SQLiteDatabase, redis: RedisClient, logger: Logger,
                      clock: any Clock, random: any RandomSource, sessionEnded: @escaping @Sendable (Session) -> Void) throws
        -> (routes: AccountRoutes, shared: OAuthComponents.Shared) {
        let patrons = SQLitePatronStore(database: database)
        let libraries = CachingLibrarySystem(wrapping: try librarySystem(configuration), clock: clock,
                                             membershipTTL: Double(configuration.membershipCacheSeconds))
        let hasher = PasswordHashingPool(hasher: Argon2id(parameters: configuration.argon2, random: random))
        let passwords = PasswordPolicy(checker: try CommonPasswords())
        let sessions = RedisSessionStore(client: redis, lifetimes: SessionLifetimes(
            idleSeconds: configuration.sessionIdleSeconds, absoluteSeconds: configuration.sessionAbsoluteSeconds), clock: clock, random: random)
        let pepper = configuration.throttlePepper.map { Array($0.utf8) } ?? random.bytes(32)
        if configuration.throttlePepper == nil {
            logger.warning("throttle_pepper_random", ["hint": "set login.throttle_pepper so every node counts failures alike"])
        }
        let throttle = RedisLoginThrottle(client: redis, pepper: pepper, clock: clock)
        let cookies = SessionCookies(secure: configuration.issuerIsHTTPS)
        let routes = AccountRoutes(
            registration: RegistrationService(patrons: patrons, libraries: libraries, hasher: hasher, passwords: passwords, random: random, clock: clock),
            login: LoginService(patrons: patrons, libraries: libraries, hasher: hasher, throttle: throttle, clock: clock),
            sessions: sessions, patrons: patrons, libraries: libraries, cookies: cookies, issuer: configuration.issuer,
            sessionEnded: sessionEnded, logger: logger)
        return (routes, OAuthComponents.Shared(sessions: sessions, patrons: patrons, hasher: hasher, cookies: cookies))
    }

    private static func librarySystem(_ configuration: GatewayConfiguration) throws -> any LibrarySystem {
        if let url = configuration.librarySystemURL {
            return HTTPLibrarySystem(configuration: try HTTPLibrarySystemConfiguration(baseURL: url, timeoutSeconds: configuration.librarySystemTimeoutSeconds))
        }
        return try FileLibrarySystem(path: configuration.librarySystemFile, clock: SystemClock())
    }
}
