/// Whose sessions a valid logout token ends.
public struct LogoutRequest: Sendable, Equatable {
    /// `sub`, when present.
    public let subject: String?
    /// `sid`, when present.
    public let sessionID: String?
}
