/// Loading a directory of policies failed: every file that was refused, with its problems.
public struct PolicyDirectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The directory that was read.
    public let directory: String
    /// One entry per refused file (or one for the directory itself when it cannot be read).
    public let failures: [InvalidPolicyError]

    /// Failures found while loading `directory`.
    public init(directory: String, failures: [InvalidPolicyError]) {
        self.directory = directory
        self.failures = failures
    }

    /// One line per problem, each naming its file.
    public var description: String { failures.flatMap(\.lines).joined(separator: "\n") }
}
