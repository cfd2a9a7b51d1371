/// One SQLite value, copied out of (or into) the C library as a plain Swift value.
///
/// SQLite has five storage classes; each case is one of them. Integers are 64-bit
/// because SQLite's are.
public enum SQLiteValue: Sendable, Equatable {
    /// SQL `NULL`.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An IEEE 754 double.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Raw bytes (possibly empty, which is not the same as `NULL`).
    case blob([UInt8])

    /// True for `.null`.
    public var isNull: Bool { self == .null }

    /// The integer, or nil when the value is not an integer.
    public var int64Value: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The integer as `Int`, or nil when the value is not an integer that fits.
    public var intValue: Int? { int64Value.flatMap { Int(exactly: $0) } }

    /// The number as `Double` (integers are converted), or nil when the value is not a number.
    public var doubleValue: Double? {
        switch self {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// The text, or nil when the value is not text.
    public var stringValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    /// The bytes, or nil when the value is not a blob.
    public var blobValue: [UInt8]? {
        if case .blob(let value) = self { return value }
        return nil
    }

    /// `false` for 0, `true` for any other integer, nil when the value is not an integer
    /// (SQLite has no boolean type; booleans are stored as 0 and 1).
    public var boolValue: Bool? { int64Value.map { $0 != 0 } }
}
