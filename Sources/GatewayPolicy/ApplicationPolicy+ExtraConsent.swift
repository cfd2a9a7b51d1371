extension ApplicationPolicy {
    /// A further disclosure the application may ask the patron to consent to (for example
    /// the loan history); the patron can refuse it and still use the application.
    public struct ExtraConsent: Sendable, Equatable, Encodable {
        /// Stable identifier, unique within the policy, e.g. `loan_history`.
        public let id: String
        /// What is disclosed and why, shown to the patron on the consent page.
        public let description: String
    }
}
