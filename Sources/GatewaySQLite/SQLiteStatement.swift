import CSQLite

/// Owns one compiled statement (`sqlite3_stmt*`); `deinit` finalizes it.
///
/// Used only by the `SQLiteConnection` that prepared it, on that connection's thread of
/// the moment, so it needs no locking.
final class SQLiteStatement {
    let sql: String
    private let handle: OpaquePointer
    private let connection: OpaquePointer
    private let columnNames: [String]
    private let columnPositions: [String: Int]

    /// Compiles exactly one statement; text after it other than whitespace is refused,
    /// because it would otherwise be silently ignored.
    init(sql: String, connection: OpaquePointer, persistent: Bool) throws {
        self.sql = sql
        self.connection = connection
        let handle = try Self.prepare(sql, connection: connection, persistent: persistent)
        self.handle = handle
        columnNames = (0..<sqlite3_column_count(handle)).map { index in
            sqlite3_column_name(handle, index).map { String(cString: $0) } ?? ""
        }
        columnPositions = SQLiteRow.positions(of: columnNames)
    }

    deinit { sqlite3_finalize(handle) }

    private static func prepare(_ sql: String, connection: OpaquePointer, persistent: Bool) throws -> OpaquePointer {
        var statement: OpaquePointer?
        var trailing = ""
        let flags = persistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(connection, text, -1, flags, &statement, &tail)
            if let tail { trailing = String(cString: tail) }
            return code
        }
        guard code == SQLITE_OK else {
            throw SQLiteError.from(code: code, connection: connection, operation: .prepare(sql: sql))
        }
        guard let statement else {
            throw misuse("no statement in the SQL text", operation: .prepare(sql: sql))
        }
        guard trailing.allSatisfy(\.isWhitespace) else {
            sqlite3_finalize(statement)
            throw misuse("more than one statement; use execute for scripts", operation: .prepare(sql: sql))
        }
        return statement
    }

    private static func misuse(_ message: String, operation: SQLiteOperation) -> SQLiteError {
        SQLiteError.from(code: SQLITE_MISUSE, extendedCode: SQLITE_MISUSE, message: message, operation: operation)
    }

    /// Forgets the previous run and its bound values, so the statement can run again and
    /// no copy of an earlier value (possibly a secret) stays in SQLite's memory.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    /// Binds values to `?1 ... ?n`; the count must match the statement's parameters.
    func bind(_ values: [SQLiteValue]) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw SQLiteError.from(
                code: SQLITE_RANGE, extendedCode: SQLITE_RANGE,
                message: "statement has \(expected) parameters, \(values.count) values given",
                operation: .bind(sql: sql, parameter: values.count))
        }
        for (offset, value) in values.enumerated() {
            let code = bind(value, at: Int32(offset + 1))
            guard code == SQLITE_OK else {
                throw SQLiteError.from(code: code, connection: connection, operation: .bind(sql: sql, parameter: offset + 1))
            }
        }
    }

    private func bind(_ value: SQLiteValue, at index: Int32) -> Int32 {
        switch value {
        case .null: return sqlite3_bind_null(handle, index)
        case .integer(let number): return sqlite3_bind_int64(handle, index, number)
        case .real(let number): return sqlite3_bind_double(handle, index, number)
        case .text(let text): return bindText(text, at: index)
        case .blob(let bytes): return bindBlob(bytes, at: index)
        }
    }

    private func bindText(_ text: String, at index: Int32) -> Int32 {
        // A NULL pointer would bind SQL NULL, so empty text goes through a real "" buffer.
        guard !text.isEmpty else {
            return "".withCString { sqlite3_bind_text64(handle, index, $0, 0, gateway_sqlite_transient(), UInt8(SQLITE_UTF8)) }
        }
        // Bound by byte count, not as a C string, so text containing NUL survives intact.
        var text = text
        return text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                sqlite3_bind_text64(
                    handle, index, chars.baseAddress, sqlite3_uint64(chars.count),
                    gateway_sqlite_transient(), UInt8(SQLITE_UTF8))
            }
        }
    }

    private func bindBlob(_ bytes: [UInt8], at index: Int32) -> Int32 {
        // sqlite3_bind_blob with a NULL pointer binds SQL NULL; an empty blob must stay a blob.
        guard !bytes.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
        return bytes.withUnsafeBytes { raw in
            sqlite3_bind_blob64(handle, index, raw.baseAddress, sqlite3_uint64(raw.count), gateway_sqlite_transient())
        }
    }

    /// Runs one step: true when a row is ready to read, false when the statement is done.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw SQLiteError.from(code: code, connection: connection, operation: .step(sql: sql))
        }
    }

    /// Copies the current row into Swift values; valid only after `step()` returned true.
    func currentRow() -> SQLiteRow {
        let values = (0..<Int32(columnNames.count)).map(column)
        return SQLiteRow(columnNames: columnNames, positions: columnPositions, values: values)
    }

    private func column(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            // Pointer first, then the byte count, as sqlite3_column_bytes documents.
            let text = sqlite3_column_text(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let bytes = sqlite3_column_blob(handle, index)
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let bytes, count > 0 else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default:
            return .null
        }
    }
}
