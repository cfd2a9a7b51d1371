/// A policy document was refused; carries every problem found, not just the first.
public struct InvalidPolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the document came from, when it came from a file.
    public let file: String?
    /// Every problem, in document order (fields as the format lists them, then unknown fields).
    public let problems: [PolicyValidationError]

    /// Problems found in the document read from `file`.
    public init(file: String? = nil, problems: [PolicyValidationError]) {
        self.file = file
        self.problems = problems
    }

    /// One line per problem: `FILE: path: reason` (or `path: reason` without a file).
    public var description: String { lines.joined(separator: "\n") }

    /// The problems as lines, each prefixed with the file name when there is one.
    public var lines: [String] {
        problems.map { problem in file.map { "\($0): \(problem)" } ?? problem.description }
    }

    /// The same problems, attributed to `file`.
    func attributed(to file: String) -> InvalidPolicyError {
        InvalidPolicyError(file: file, problems: problems)
    }
}
