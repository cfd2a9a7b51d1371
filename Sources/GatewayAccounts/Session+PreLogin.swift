public import GatewayCore

extension Session {
    /// An anonymous session before login: it only binds the CSRF tokens of the login and
    /// registration forms to one browser. Short-lived, never touched, never promoted: a
    /// login creates a new `Session` under a new id and retires this one.
    public struct PreLogin: Sendable, Equatable {
        /// Secret (256 bits, hex) that CSRF tokens of the forms are derived from.
        public let csrfSecret: String
        /// When it was created.
        public let createdAt: Instant
        /// When it ends.
        public let expiresAt: Instant

        /// A pre-login session with every field given.
        public init(csrfSecret: String, createdAt: Instant, expiresAt: Instant) {
            self.csrfSecret = csrfSecret
            self.createdAt = createdAt
            self.expiresAt = expiresAt
        }

        /// A new pre-login session at `now` under a fresh id from `random`.
        public static func start(
            at now: Instant, lifetimes: SessionLifetimes, random: any RandomSource
        ) -> (id: SessionID, session: PreLogin) {
            let now = Session.milliseconds(now)
            let expires = Instant(secondsSinceEpoch: now.secondsSinceEpoch + Double(lifetimes.preLoginSeconds))
            return (SessionID.generate(using: random), PreLogin(csrfSecret: random.hex(32), createdAt: now, expiresAt: expires))
        }
    }
}
