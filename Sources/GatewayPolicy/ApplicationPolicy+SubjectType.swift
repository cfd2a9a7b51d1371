extension ApplicationPolicy {
    /// Which `sub` the client sees (OIDC Core §8).
    public enum SubjectType: String, Sendable, Equatable, CaseIterable, Encodable {
        /// `sub` is the patron's mylibrary_id, the same for every application.
        case `public`
        /// `sub` is a per-application pseudonym, so applications cannot correlate patrons by it.
        case pairwise
    }
}
