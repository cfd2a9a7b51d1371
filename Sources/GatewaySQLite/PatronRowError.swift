/// A `patrons` row that cannot be read back as an account: a column holds a value the
/// schema's checks should have refused (a database edited by hand, or a bug). Names the
/// column, never its value.
public struct PatronRowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The offending column.
    public let column: String

    /// A loggable one-liner.
    public var description: String { "patron store: unreadable value in column \(column)" }
}
