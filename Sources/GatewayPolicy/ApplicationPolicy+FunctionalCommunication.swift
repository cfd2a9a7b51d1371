extension ApplicationPolicy {
    /// Whether the application needs to communicate with the patron itself, and why. Only
    /// then does it receive `preferred_username`, `email` and `email_verified`.
    public struct FunctionalCommunication: Sendable, Equatable, Encodable {
        /// Whether username and e-mail address are disclosed to the application.
        public let needed: Bool
        /// What the application does with them, shown to the patron on the consent page;
        /// present exactly when `needed` is true.
        public let purpose: String?

        /// A declared need with its purpose.
        static func needed(purpose: String) -> FunctionalCommunication {
            FunctionalCommunication(needed: true, purpose: purpose)
        }

        /// No need: the application learns only the library and the mylibrary_id.
        static let notNeeded = FunctionalCommunication(needed: false, purpose: nil)

        private init(needed: Bool, purpose: String?) {
            self.needed = needed
            self.purpose = purpose
        }
    }
}
