// Literals keep binding lists readable: `["alice", 42, nil]` instead of
// `[.text("alice"), .integer(42), .null]`.

extension SQLiteValue: ExpressibleByNilLiteral {
    /// `nil` is SQL `NULL`.
    public init(nilLiteral: ()) { self = .null }
}

extension SQLiteValue: ExpressibleByIntegerLiteral {
    /// An integer literal is `.integer`.
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension SQLiteValue: ExpressibleByFloatLiteral {
    /// A floating-point literal is `.real`.
    public init(floatLiteral value: Double) { self = .real(value) }
}

extension SQLiteValue: ExpressibleByStringLiteral {
    /// A string literal is `.text`.
    public init(stringLiteral value: String) { self = .text(value) }
}

extension SQLiteValue {
    /// A Swift `Int` as `.integer`.
    public init(_ value: Int) { self = .integer(Int64(value)) }

    /// A Swift `Bool` as `.integer(1)` or `.integer(0)`.
    public init(_ value: Bool) { self = .integer(value ? 1 : 0) }

    /// A Swift `String` as `.text`.
    public init(_ value: String) { self = .text(value) }

    /// An optional string as `.text`, or `.null` when it is nil.
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
}
