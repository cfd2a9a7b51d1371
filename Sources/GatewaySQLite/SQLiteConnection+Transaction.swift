extension SQLiteConnection {
    /// Runs `body` inside `BEGIN IMMEDIATE` ... `COMMIT`; when `body` (or the commit)
    /// throws, rolls back and rethrows.
    ///
    /// `IMMEDIATE` takes the write lock up front (waiting up to the busy timeout), so a
    /// transaction that reads and then writes cannot fail half-way with a lock upgrade
    /// error. Transactions do not nest: calling this inside `body` fails.
    public func transaction<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try run("BEGIN IMMEDIATE")
        let result: T
        do {
            result = try body(self)
            try run("COMMIT")
        } catch {
            rollbackIfActive()
            throw error
        }
        return result
    }

    /// Rolls back an open transaction, if any, ignoring a failure: the caller is already
    /// reporting the error that made the rollback necessary.
    func rollbackIfActive() {
        // After some errors (SQLITE_FULL, SQLITE_IOERR, ...) SQLite has already rolled
        // back, and a second ROLLBACK would only fail.
        guard isInTransaction else { return }
        _ = try? run("ROLLBACK")
    }
}
