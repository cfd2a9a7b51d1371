import CSQLite
import Foundation

/// One SQLite connection: owns its `sqlite3*` handle and closes it in `deinit`.
///
/// Opened with `SQLITE_OPEN_NOMUTEX`, so SQLite does not lock it: a connection must be
/// used by one thread at a time. It is therefore not `Sendable`; share an
/// `SQLiteDatabase` instead, whose pool hands each connection to one caller at a time.
///
/// Every connection runs in WAL mode with `synchronous=NORMAL` and `foreign_keys=ON`, and
/// waits up to its busy timeout for a lock held by another connection. Statements run
/// through `query` and `run` are compiled once and cached by their SQL text.
public final class SQLiteConnection {
    // Callers use a fixed set of SQL texts; the bound only matters if one builds SQL
    // dynamically by mistake, and then dropping the whole cache is simplest.
    private static let statementCacheCapacity = 128

    private let handle: OpaquePointer
    private var statements: [String: SQLiteStatement] = [:]

    /// Opens (creating if needed) the database file at `path` and configures the connection.
    ///
    /// - Parameter busyTimeoutMilliseconds: how long a statement waits for another
    ///   connection's lock before failing with `SQLiteError.busy`.
    /// - Throws: `SQLiteError.open` when the file cannot be opened (for instance because
    ///   its directory does not exist) or refuses WAL mode.
    public init(path: String, busyTimeoutMilliseconds: Int = 5000) throws {
        let handle = try Self.open(path)
        do {
            try Self.configure(handle, path: path, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        } catch {
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
    }

    deinit {
        // Statements first: a connection closes cleanly only once its statements are finalized.
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    private static func open(_ path: String) throws -> OpaquePointer {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        if code == SQLITE_OK, let handle { return handle }
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
        var message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        // SQLite says only "unable to open database file"; name the usual cause.
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            message += " (directory \(directory) does not exist)"
        }
        sqlite3_close_v2(handle)
        throw SQLiteError.from(code: code, extendedCode: extended, message: message, operation: .open(path: path))
    }

    private static func configure(_ handle: OpaquePointer, path: String, busyTimeoutMilliseconds: Int) throws {
        // Set before the pragmas: switching to WAL needs a lock another connection may hold.
        sqlite3_busy_timeout(handle, Int32(clamping: busyTimeoutMilliseconds))
        let mode = try exec("PRAGMA journal_mode=WAL", on: handle, operation: .configure(setting: "journal_mode"))
        let inMemory = path.isEmpty || path == ":memory:"
        guard mode?.lowercased() == "wal" || inMemory else {
            throw SQLiteError.from(
                code: SQLITE_ERROR, extendedCode: SQLITE_ERROR,
                message: "journal_mode=WAL refused (mode is \(mode ?? "unknown"))",
                operation: .configure(setting: "journal_mode"))
        }
        _ = try exec("PRAGMA synchronous=NORMAL", on: handle, operation: .configure(setting: "synchronous"))
        _ = try exec("PRAGMA foreign_keys=ON", on: handle, operation: .configure(setting: "foreign_keys"))
    }

    /// Runs one or more statements with `sqlite3_exec`; returns the first column of the
    /// first result row as text, if any row came back.
    private static func exec(_ sql: String, on handle: OpaquePointer, operation: SQLiteOperation) throws -> String? {
        var firstValue: String?
        let code = withUnsafeMutablePointer(to: &firstValue) { output in
            sqlite3_exec(handle, sql, { context, count, values, _ in
                let output = context?.assumingMemoryBound(to: String?.self)
                if let output, output.pointee == nil, count > 0, let text = values?[0] {
                    output.pointee = String(cString: text)
                }
                return SQLITE_OK
            }, output, nil)
        }
        guard code == SQLITE_OK else {
            throw SQLiteError.from(code: code, connection: handle, operation: operation)
        }
        return firstValue
    }

    /// Runs a script of one or more statements separated by `;`, without bindings and
    /// without returning rows. Meant for schema changes; never put untrusted values in
    /// the text.
    public func execute(_ sql: String) throws {
        _ = try Self.exec(sql, on: handle, operation: .execute(sql: sql))
    }

    /// Runs one statement with `?` parameters bound to `bindings` in order and returns
    /// every result row, copied into Swift values.
    public func query(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> [SQLiteRow] {
        try withStatement(sql, bindings) { statement in
            var rows: [SQLiteRow] = []
            while try statement.step() { rows.append(statement.currentRow()) }
            return rows
        }
    }

    /// Runs one statement with `?` parameters bound to `bindings` in order, to completion,
    /// and returns the number of rows it inserted, updated or deleted.
    @discardableResult
    public func run(_ sql: String, _ bindings: [SQLiteValue] = []) throws -> Int {
        try withStatement(sql, bindings) { statement in
            while try statement.step() {}
            return Int(sqlite3_changes64(handle))
        }
    }

    /// The rowid of the most recent successful `INSERT` on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True while a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Number of compiled statements currently cached.
    var cachedStatementCount: Int { statements.count }

    private func withStatement<T>(
        _ sql: String, _ bindings: [SQLiteValue], _ body: (SQLiteStatement) throws -> T
    ) throws -> T {
        let statement = try cachedStatement(sql)
        statement.reset()
        // Reset afterwards too: a statement left mid-way keeps its read snapshot (and in a
        // transaction, COMMIT would refuse) until the next reset.
        defer { statement.reset() }
        try statement.bind(bindings)
        return try body(statement)
    }

    private func cachedStatement(_ sql: String) throws -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try SQLiteStatement(sql: sql, connection: handle, persistent: true)
        if statements.count >= Self.statementCacheCapacity { statements.removeAll() }
        statements[sql] = statement
        return statement
    }
}
