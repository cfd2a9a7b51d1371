import CSQLite

extension SQLiteError {
    // The extended-code macros are `(SQLITE_CONSTRAINT | (n<<8))` expressions, which Swift
    // does not import.
    private static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)
    private static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)

    /// The one place where a SQLite result code becomes a Swift error.
    static func from(
        code: Int32, extendedCode: Int32, message: String, operation: SQLiteOperation
    ) -> SQLiteError {
        let failure = SQLiteFailure(
            operation: operation.label, code: code & 0xFF, extendedCode: extendedCode, message: message)
        switch failure.code {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .busy(failure)
        case SQLITE_CONSTRAINT where extendedCode == constraintUnique || extendedCode == constraintPrimaryKey:
            return .uniqueConstraint(failure)
        case SQLITE_CONSTRAINT:
            return .constraint(failure)
        default:
            break
        }
        switch operation {
        case .open, .configure: return .open(failure)
        case .prepare: return .prepare(failure)
        case .bind: return .bind(failure)
        case .step, .execute: return .step(failure)
        }
    }

    /// Reads the extended code and message of the connection's most recent failure; call
    /// it right after the failing call, before anything else touches the connection.
    static func from(code: Int32, connection: OpaquePointer?, operation: SQLiteOperation) -> SQLiteError {
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        let message = connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        return from(code: code, extendedCode: extended, message: message, operation: operation)
    }
}
