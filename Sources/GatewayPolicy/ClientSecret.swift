/// A client secret the gateway just generated: the clear value, shown to the admin once,
/// and its Argon2id PHC hash, the only form that is stored.
///
/// `description` never reveals either, so a secret passed to a logger by mistake prints
/// as "client secret (redacted)".
public struct ClientSecret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret the client presents (base64url; printed or written to a file once).
    public let value: String
    /// Argon2id PHC string of `value`, stored as the policy's `client_secret_hash`.
    public let hash: String

    /// A generated secret and its hash.
    public init(value: String, hash: String) {
        self.value = value
        self.hash = hash
    }

    /// "client secret (redacted)": the secret is never part of a description.
    public var description: String { "client secret (redacted)" }

    /// "client secret (redacted)": the secret is never part of a description.
    public var debugDescription: String { description }
}
