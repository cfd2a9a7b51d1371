extension JSONValue {
    /// Compact JSON text. Object members are sorted by key so equal values serialise
    /// identically; integral numbers print without a fraction (`1800000000`, not `1.8e9`).
    public var serialized: String { String(decoding: serializedBytes, as: UTF8.self) }

    /// `serialized` as UTF-8 bytes, written into one buffer: what a JWS payload needs,
    /// without a `String` per member or a copy of the whole text.
    public var serializedBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(initialCapacity)
        append(to: &bytes)
        return bytes
    }

    /// A guess that covers a typical claim set in one allocation (~35 bytes a member).
    private var initialCapacity: Int {
        switch self {
        case .object(let members): 16 + members.count * 48
        case .array(let values): 16 + values.count * 32
        case .string(let text): 2 + text.utf8.count
        default: 24
        }
    }

    private func append(to bytes: inout [UInt8]) {
        switch self {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let value): Self.appendNumber(value, to: &bytes)
        case .string(let value): JSONString.append(value, to: &bytes)
        case .array(let values):
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                value.append(to: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            // Sorting (key, value) pairs once spares a dictionary lookup per member.
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONString.append(member.key, to: &bytes)
                bytes.append(UInt8(ascii: ":"))
                member.value.append(to: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Same text as `format`, but integral values are written digit by digit.
    private static func appendNumber(_ number: Double, to bytes: inout [UInt8]) {
        guard let integer = exactInteger(number) else { return bytes.append(contentsOf: format(number).utf8) }
        if integer < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = integer.magnitude
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        } while divisor > 0
    }

    /// `number` as an integer when it prints as one: integral and exactly representable.
    private static func exactInteger(_ number: Double) -> Int64? {
        guard number.isFinite, number == number.rounded(), abs(number) < 9_007_199_254_740_992 else { return nil }
        return Int64(number)
    }

    static func format(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if let integer = exactInteger(number) { return String(integer) }
        return String(number)
    }
}
