/// The outcome of `gateway policy validate`: whether every file is valid, and what to print.
public struct PolicyValidationReport: Sendable, Equatable {
    /// True when every file was valid (the command exits 0).
    public let ok: Bool
    /// One line per valid file (`FILE: valid (...)`) or per problem (`FILE: path: reason`).
    public let lines: [String]

    /// The lines joined with newlines, ready to print.
    public var text: String { lines.joined(separator: "\n") }
}
