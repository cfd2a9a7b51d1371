/// An e-mail address: as the patron gave it (mail is sent there) and its normalised,
/// unique form used for lookups.
///
/// New addresses come from `EmailRules.validate`; `init(display:normalized:)` is for
/// stores restoring what the rules produced earlier.
public struct EmailAddress: Sendable, Hashable {
    /// As given (trimmed, canonically composed).
    public let display: String
    /// `EmailRules.normalize(display)`: lowercased.
    public let normalized: String

    /// An address restored from storage.
    public init(display: String, normalized: String) {
        self.display = display
        self.normalized = normalized
    }
}
