public import GatewayCore

/// A patron's single sign-on session: what lets them log in once for every application.
public struct Session: Sendable, Equatable {
    /// The patron.
    public let mylibraryID: MylibraryID
    /// The OIDC `sid` claim (128 random bits, hex): names the session to partners in ID
    /// and logout tokens, never the cookie.
    public let sid: String
    /// When the session was created (the login).
    public let createdAt: Instant
    /// When the session was last used.
    public var lastSeenAt: Instant
    /// When the patron authenticated (`auth_time`).
    public let authTime: Instant
    /// The absolute end of the session, however busy it is.
    public let expiresAt: Instant
    /// Secret (256 bits, hex) that CSRF tokens of this session's forms are derived from.
    public let csrfSecret: String
    /// The client_ids this session logged into, for back-channel logout.
    public var clientIDs: Set<String>
    /// How the patron authenticated (`amr`, RFC 8176), e.g. `["pwd"]`.
    public let amr: [String]
    /// The authentication context class (`acr`), when one applies.
    public let acr: String?

    /// A session with every field given (stores use this to decode what they kept).
    public init(
        mylibraryID: MylibraryID, sid: String, createdAt: Instant, lastSeenAt: Instant, authTime: Instant,
        expiresAt: Instant, csrfSecret: String, clientIDs: Set<String>, amr: [String], acr: String?
    ) {
        self.mylibraryID = mylibraryID
        self.sid = sid
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.authTime = authTime
        self.expiresAt = expiresAt
        self.csrfSecret = csrfSecret
        self.clientIDs = clientIDs
        self.amr = amr
        self.acr = acr
    }

    /// A new session for a login at `now`, under a fresh id from `random`: a login never
    /// reuses an id that existed before it (no session fixation).
    public static func start(
        mylibraryID: MylibraryID, amr: [String], acr: String?, at now: Instant, lifetimes: SessionLifetimes,
        random: any RandomSource
    ) -> (id: SessionID, session: Session) {
        let now = Session.milliseconds(now)
        let expires = Instant(secondsSinceEpoch: now.secondsSinceEpoch + Double(lifetimes.absoluteSeconds))
        let session = Session(
            mylibraryID: mylibraryID, sid: random.hex(16), createdAt: now, lastSeenAt: now, authTime: now,
            expiresAt: expires, csrfSecret: random.hex(32), clientIDs: [], amr: amr, acr: acr)
        return (SessionID.generate(using: random), session)
    }

    /// True while the session has neither been idle for `idleSeconds` nor reached `expiresAt`.
    public func isLive(at now: Instant, idleSeconds: Int) -> Bool {
        now < expiresAt && now.secondsSinceEpoch < lastSeenAt.secondsSinceEpoch + Double(idleSeconds)
    }

    /// How long a store keeps the session after a use at `now`: the idle timeout, cut to
    /// what is left of the absolute lifetime.
    public func storeLifetime(at now: Instant, idleSeconds: Int) -> Double {
        min(Double(idleSeconds), expiresAt.secondsSinceEpoch - now.secondsSinceEpoch)
    }

    /// `instant` cut to whole milliseconds, the precision stores keep.
    public static func milliseconds(_ instant: Instant) -> Instant {
        Instant(secondsSinceEpoch: (instant.secondsSinceEpoch * 1000).rounded(.down) / 1000)
    }
}
