/// How the application's tokens are made: ID token algorithm, subject type, lifetimes,
/// refresh-token reuse grace, and whether the application is active at all.
extension PolicyDraft {
    typealias Lifetimes = ApplicationPolicy.TokenLifetimes

    /// `id_token_signed_response_alg`, `subject_type`, `token_lifetimes`,
    /// `refresh_token_reuse_grace_seconds`, `active`.
    mutating func readTokens() {
        idTokenSignedResponseAlg = reader.choice("id_token_signed_response_alg",
                                                 hint: " (\"none\" and HMAC algorithms are never accepted)") ?? .rs256
        subjectType = reader.choice("subject_type", hint: Self.pairwiseHint) ?? .public
        tokenLifetimes = readLifetimes() ?? .defaults
        refreshTokenReuseGraceSeconds = reader.integer("refresh_token_reuse_grace_seconds",
                                                       in: ApplicationPolicy.refreshTokenReuseGraceRange) ?? 0
        active = reader.bool("active") ?? true
    }

    static let pairwiseHint = " (pairwise subjects are not offered: every token carries mylibrary_id, which is the same for every "
        + "application, so a pairwise sub would hide nothing)"

    private func readLifetimes() -> Lifetimes? {
        guard let object = reader.object("token_lifetimes") else { return nil }
        defer { object.finish() }
        typealias Key = Lifetimes.CodingKeys
        let defaults = Lifetimes.defaults
        let access = object.integer(Key.accessTokenSeconds.rawValue, in: Lifetimes.accessTokenRange)
        let id = object.integer(Key.idTokenSeconds.rawValue, in: Lifetimes.idTokenRange)
        let idle = object.integer(Key.refreshTokenIdleSeconds.rawValue, in: Lifetimes.refreshTokenIdleRange)
        let absolute = object.integer(Key.refreshTokenAbsoluteSeconds.rawValue, in: Lifetimes.refreshTokenAbsoluteRange)
        let code = object.integer(Key.authorizationCodeSeconds.rawValue, in: Lifetimes.authorizationCodeRange)
        let lifetimes = Lifetimes(
            accessTokenSeconds: access ?? defaults.accessTokenSeconds, idTokenSeconds: id ?? defaults.idTokenSeconds,
            refreshTokenIdleSeconds: idle ?? defaults.refreshTokenIdleSeconds,
            refreshTokenAbsoluteSeconds: absolute ?? defaults.refreshTokenAbsoluteSeconds,
            authorizationCodeSeconds: code ?? defaults.authorizationCodeSeconds)
        // Compare only values that were valid or defaulted, so one mistake is reported once.
        let comparable = (idle != nil || !object.has(Key.refreshTokenIdleSeconds.rawValue))
            && (absolute != nil || !object.has(Key.refreshTokenAbsoluteSeconds.rawValue))
        if comparable, lifetimes.refreshTokenAbsoluteSeconds < lifetimes.refreshTokenIdleSeconds {
            object.fail(Key.refreshTokenAbsoluteSeconds.rawValue,
                        "must be at least refresh_token_idle_seconds (\(lifetimes.refreshTokenIdleSeconds))")
        }
        // An access token belongs to its grant, which dies after the idle time without use.
        let accessComparable = (idle != nil || !object.has(Key.refreshTokenIdleSeconds.rawValue))
            && (access != nil || !object.has(Key.accessTokenSeconds.rawValue))
        if accessComparable, lifetimes.accessTokenSeconds > lifetimes.refreshTokenIdleSeconds {
            object.fail(Key.accessTokenSeconds.rawValue,
                        "must be at most refresh_token_idle_seconds (\(lifetimes.refreshTokenIdleSeconds)): an access token lives no longer than its grant")
        }
        return lifetimes
    }
}
