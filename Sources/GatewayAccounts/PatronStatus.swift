/// Whether the gateway may process a patron's data for applications.
public enum PatronStatus: String, Sendable, Equatable, CaseIterable {
    /// Normal: the patron can log in and tokens are issued.
    case active
    /// Processing restricted (GDPR Art. 18): no tokens are issued while restricted.
    case restricted
}
