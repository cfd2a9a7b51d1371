/// How long sessions live, from configuration.
public struct SessionLifetimes: Sendable, Equatable {
    /// A session unused for this long ends (sliding: each use restarts it).
    public var idleSeconds: Int
    /// A session ends this long after login, however busy it is.
    public var absoluteSeconds: Int
    /// An anonymous pre-login session (CSRF for the login and registration forms) ends
    /// this long after it was created.
    public var preLoginSeconds: Int

    /// Lifetimes with the given values; defaults: 30 minutes idle, 12 hours absolute,
    /// 1 hour for a pre-login session.
    public init(idleSeconds: Int = 1_800, absoluteSeconds: Int = 43_200, preLoginSeconds: Int = 3_600) {
        self.idleSeconds = idleSeconds
        self.absoluteSeconds = absoluteSeconds
        self.preLoginSeconds = preLoginSeconds
    }

    /// Which value is unusable and why, or nil.
    public var problem: (field: String, reason: String)? {
        if idleSeconds < 1 { return ("idle_seconds", "must be positive") }
        if absoluteSeconds < idleSeconds { return ("absolute_seconds", "must be at least idle_seconds") }
        if preLoginSeconds < 1 { return ("pre_login_seconds", "must be positive") }
        return nil
    }
}
