/// A one-time message shown at the top of the next page.
public enum DemoNotice: Sendable, Equatable {
    /// A refresh succeeded; `rotated` says whether the gateway returned a new refresh token.
    case refreshed(rotated: Bool, count: Int)
    /// The gateway sent the browser back after RP-initiated logout; `stateVerified` says
    /// whether the returned `state` was ours.
    case loggedOut(stateVerified: Bool)
    /// Logged out here only: the gateway offers no end_session_endpoint.
    case loggedOutLocally
}
