/// Which wrapper operation called into SQLite; it decides the `SQLiteError` case and the
/// loggable label of a failure.
enum SQLiteOperation {
    case open(path: String)
    case configure(setting: String)
    case prepare(sql: String)
    case bind(sql: String, parameter: Int)
    case step(sql: String)
    case execute(sql: String)

    /// Operation name plus the statement's leading keyword; the rest of the SQL may
    /// contain literals, so it stays out.
    var label: String {
        switch self {
        case .open(let path): return "open \(path)"
        case .configure(let setting): return "configure \(setting)"
        case .prepare(let sql): return "prepare \(Self.keyword(of: sql))"
        case .bind(let sql, let parameter): return "bind \(Self.keyword(of: sql)) ?\(parameter)"
        case .step(let sql): return "step \(Self.keyword(of: sql))"
        case .execute(let sql): return "execute \(Self.keyword(of: sql))"
        }
    }

    /// The first word of the SQL, upper-cased (`INSERT`, `SELECT`, `CREATE`), or `SQL`
    /// when it does not start with a word.
    static func keyword(of sql: String) -> String {
        let word = sql.drop(while: \.isWhitespace).prefix(while: \.isLetter)
        return word.isEmpty ? "SQL" : word.uppercased()
    }
}
