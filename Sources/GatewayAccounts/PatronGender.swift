/// Gender as a patron chose to state it; used only for aggregated statistics.
public enum PatronGender: String, Sendable, Equatable, CaseIterable {
    /// Female.
    case female
    /// Male.
    case male
    /// Neither, or another description (the "X" of Dutch documents).
    case other
}
