/// A username: the form the patron chose (shown back to them) and the normalised form
/// that is unique and used for lookups.
///
/// New usernames come from `UsernameRules.validate`; `init(display:normalized:)` is for
/// stores restoring what the rules produced earlier.
public struct Username: Sendable, Hashable {
    /// As chosen, case preserved (trimmed, NFKC), for display.
    public let display: String
    /// `UsernameRules.normalize(display)`: compatibility-normalised and case-folded.
    public let normalized: String

    /// A username restored from storage.
    public init(display: String, normalized: String) {
        self.display = display
        self.normalized = normalized
    }
}
