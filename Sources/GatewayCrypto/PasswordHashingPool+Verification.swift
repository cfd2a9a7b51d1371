extension PasswordHashingPool {
    /// The outcome of checking a password against a stored hash.
    public enum Verification: Sendable, Equatable {
        /// The password does not match (or the account does not exist).
        case mismatch
        /// The password matches; `upgradedHash` is a fresh PHC string with the current
        /// parameters when the stored one was made with others, to be stored in its place.
        case match(upgradedHash: String?)

        /// True for `.match`.
        public var matches: Bool {
            if case .match = self { return true }
            return false
        }
    }
}
