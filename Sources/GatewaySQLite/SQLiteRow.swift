/// One result row, already copied out of SQLite's memory into Swift values.
///
/// Columns are reachable by position (`row[0]`) and by the name SQLite reports for them
/// (`row["email"]`, `row.string("email")`). When two columns share a name, the name
/// refers to the first of them.
public struct SQLiteRow: Sendable, Equatable {
    /// Column names in result order.
    public let columnNames: [String]
    /// Column values in result order.
    public let values: [SQLiteValue]
    private let positions: [String: Int]

    init(columnNames: [String], positions: [String: Int], values: [SQLiteValue]) {
        self.columnNames = columnNames
        self.positions = positions
        self.values = values
    }

    /// Maps each column name to its first position; built once per statement and shared
    /// by every row it produces.
    static func positions(of columnNames: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, name) in columnNames.enumerated() where positions[name] == nil {
            positions[name] = index
        }
        return positions
    }

    /// Number of columns.
    public var count: Int { values.count }

    /// The value at a column position; traps when out of range, like an array.
    public subscript(index: Int) -> SQLiteValue { values[index] }

    /// The value of the named column, or nil when the row has no such column.
    public subscript(name: String) -> SQLiteValue? {
        positions[name].map { values[$0] }
    }

    /// The named column as `Int`, nil when missing, NULL or not an integer.
    public func int(_ name: String) -> Int? { self[name]?.intValue }

    /// The named column as `Int64`, nil when missing, NULL or not an integer.
    public func int64(_ name: String) -> Int64? { self[name]?.int64Value }

    /// The named column as `Double`, nil when missing, NULL or not a number.
    public func double(_ name: String) -> Double? { self[name]?.doubleValue }

    /// The named column as `String`, nil when missing, NULL or not text.
    public func string(_ name: String) -> String? { self[name]?.stringValue }

    /// The named column as bytes, nil when missing, NULL or not a blob.
    public func blob(_ name: String) -> [UInt8]? { self[name]?.blobValue }

    /// The named column as `Bool` (0 is false), nil when missing, NULL or not an integer.
    public func bool(_ name: String) -> Bool? { self[name]?.boolValue }

    /// True when the named column exists and is NULL.
    public func isNull(_ name: String) -> Bool { self[name] == .null }
}
