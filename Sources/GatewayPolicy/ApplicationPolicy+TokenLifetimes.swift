extension ApplicationPolicy {
    /// How long the application's tokens and codes live, in seconds.
    public struct TokenLifetimes: Sendable, Equatable, Encodable {
        /// Access token lifetime (`exp - iat`).
        public let accessTokenSeconds: Int
        /// ID token lifetime.
        public let idTokenSeconds: Int
        /// A refresh token family dies after this long without use.
        public let refreshTokenIdleSeconds: Int
        /// A refresh token family dies this long after the login, used or not; at least the idle time.
        public let refreshTokenAbsoluteSeconds: Int
        /// Authorization code lifetime; codes are single-use in any case.
        public let authorizationCodeSeconds: Int

        /// Allowed access token lifetimes: short, because access tokens cannot be recalled.
        public static let accessTokenRange = 60...3_600
        /// Allowed ID token lifetimes.
        public static let idTokenRange = 60...3_600
        /// Allowed refresh idle lifetimes: five minutes to 90 days.
        public static let refreshTokenIdleRange = 300...7_776_000
        /// Allowed refresh absolute lifetimes: five minutes to 365 days.
        public static let refreshTokenAbsoluteRange = 300...31_536_000
        /// Allowed authorization code lifetimes (RFC 6749 §4.1.2 recommends at most 10 minutes).
        public static let authorizationCodeRange = 10...600

        /// What a policy gets for every lifetime it does not set.
        public static let defaults = TokenLifetimes(
            accessTokenSeconds: 600, idTokenSeconds: 600, refreshTokenIdleSeconds: 14 * 86_400,
            refreshTokenAbsoluteSeconds: 30 * 86_400, authorizationCodeSeconds: 60)

        enum CodingKeys: String, CodingKey {
            case accessTokenSeconds = "access_token_seconds"
            case idTokenSeconds = "id_token_seconds"
            case refreshTokenIdleSeconds = "refresh_token_idle_seconds"
            case refreshTokenAbsoluteSeconds = "refresh_token_absolute_seconds"
            case authorizationCodeSeconds = "authorization_code_seconds"
        }
    }
}
