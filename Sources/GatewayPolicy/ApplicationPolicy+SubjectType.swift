extension ApplicationPolicy {
    /// Which `sub` the client sees (OIDC Core §8). Only `public`: every token carries the
    /// patron's `mylibrary_id` (DESIGN.md, token contract), the same for every application,
    /// so a pairwise `sub` would keep applications from correlating nothing — it would only
    /// suggest a protection that is not there. `"pairwise"` is refused with that reason.
    public enum SubjectType: String, Sendable, Equatable, CaseIterable, Encodable {
        /// `sub` is the patron's mylibrary_id, the same for every application.
        case `public`
    }
}
