/// What importing one policy document changed in the store.
public enum PolicyImportOutcome: Sendable, Equatable {
    /// The application was new; its first version was stored.
    case created(version: Int)
    /// The stored policy differed; a new version was stored. `changedFields` are the
    /// top-level members whose value changed, sorted by name.
    case updated(version: Int, changedFields: [String])
    /// The stored policy is already exactly this one; nothing was written.
    case unchanged
}
