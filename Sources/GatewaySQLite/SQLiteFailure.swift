/// What SQLite reported when a call failed: result codes, SQLite's own message, and a
/// short label of the operation.
///
/// The label names the operation and the statement's leading keyword only
/// (`"step INSERT"`), never the SQL text or bound values, so a failure can be logged
/// without leaking data.
public struct SQLiteFailure: Sendable, Equatable, CustomStringConvertible {
    /// The failing operation, e.g. `"open /var/gateway.db"`, `"prepare SELECT"`, `"bind INSERT ?2"`.
    public let operation: String
    /// Primary result code (`SQLITE_BUSY` is 5, `SQLITE_CONSTRAINT` is 19, ...).
    public let code: Int32
    /// Extended result code (`SQLITE_CONSTRAINT_UNIQUE` is 2067, ...).
    public let extendedCode: Int32
    /// The message from `sqlite3_errmsg` (or the wrapper's own explanation).
    public let message: String

    /// Creates a failure record.
    public init(operation: String, code: Int32, extendedCode: Int32, message: String) {
        self.operation = operation
        self.code = code
        self.extendedCode = extendedCode
        self.message = message
    }

    /// `"<operation>: <message> (code <code>, extended <extendedCode>)"`.
    public var description: String {
        "\(operation): \(message) (code \(code), extended \(extendedCode))"
    }
}
