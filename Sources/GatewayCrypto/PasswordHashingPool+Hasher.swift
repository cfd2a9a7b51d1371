extension PasswordHashingPool {
    /// What the pool runs: Argon2id in production, a counting or blocking stand-in in tests.
    public protocol Hasher: Sendable {
        /// Cost parameters of new hashes (the dummy hash uses them too).
        var parameters: Argon2Parameters { get }
        /// The PHC string of `password` with a fresh salt.
        func hash(password: String) throws(Argon2Error) -> String
        /// True when `password` matches the PHC string `encoded`, compared in constant time.
        func verify(password: String, encoded: String) throws(Argon2Error) -> Bool
        /// True when `encoded` was made with parameters other than `parameters`.
        func needsRehash(_ encoded: String) -> Bool
    }
}

extension Argon2id: PasswordHashingPool.Hasher {}
