/// One thing wrong with a policy document: where, and why.
public struct PolicyValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Path of the offending field in the JSON document, e.g. `redirect_uris[1]` or
    /// `token_lifetimes.access_token_seconds`; empty when the problem is the document itself.
    public let path: String
    /// What is wrong and, where it helps, what would be right. Never echoes a secret.
    public let reason: String

    /// A problem with the field at `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`, or just the reason for a problem with the whole document.
    public var description: String { path.isEmpty ? reason : "\(path): \(reason)" }
}
