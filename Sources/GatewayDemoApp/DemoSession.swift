/// One browser's state in the demo application, in memory only: the login in progress,
/// the completed login, a message for the next page and the CSRF token of its forms.
public struct DemoSession: Sendable, Equatable {
    /// The cookie value (256 random bits, base64url).
    public let id: String
    /// Synchroniser token of the POST forms (refresh, logout).
    public let csrfToken: String
    /// The login sent to the gateway and not yet returned.
    public var pendingLogin: PendingLogin?
    /// The completed login.
    public var login: LoginResult?
    /// `state` of an RP-initiated logout in progress, checked when the gateway sends the
    /// browser back to the post-logout redirect URI.
    public var pendingLogoutState: String?
    /// A one-time message for the next page (refresh result, logout result).
    public var notice: DemoNotice?
    /// Monotonic seconds of the last use (idle expiry and least-recently-used eviction).
    var lastUsed: Double

    init(id: String, csrfToken: String, now: Double) {
        self.id = id
        self.csrfToken = csrfToken
        lastUsed = now
    }
}
