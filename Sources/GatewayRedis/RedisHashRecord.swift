import GatewayCore

/// The fields of a Redis hash as a script returns them (`HGETALL`: name, value, name,
/// value, ...), with the typed readings the OAuth stores need, and the matching encoders:
/// instants as whole ms since the epoch, string lists as a JSON array (claim names may
/// hold any character, so no separator is safe).
struct RedisHashRecord {
    private let fields: [String: String]

    /// The record in a flat array reply, or nil when the reply is not one.
    init?(_ reply: RedisValue) {
        guard let elements = reply.elements, elements.count.isMultiple(of: 2) else { return nil }
        var fields: [String: String] = [:]
        for index in stride(from: 0, to: elements.count, by: 2) {
            guard let name = elements[index].string, let value = elements[index + 1].string else { return nil }
            fields[name] = value
        }
        self.fields = fields
    }

    /// The text of field `name`.
    subscript(name: String) -> String? { fields[name] }

    /// Field `name` as a decimal integer.
    func int(_ name: String) -> Int? { fields[name].flatMap { Int($0) } }

    /// Field `name` as an instant stored in ms since the epoch.
    func instant(_ name: String) -> Instant? {
        int(name).map { Instant(secondsSinceEpoch: Double($0) / 1000) }
    }

    /// Field `name` as a list of strings stored as a JSON array.
    func list(_ name: String) -> [String]? {
        guard let text = fields[name], case .array(let values)? = try? StrictJSONParser.parse(Array(text.utf8)) else {
            return nil
        }
        let strings = values.compactMap { value -> String? in
            if case .string(let string) = value { return string }
            return nil
        }
        return strings.count == values.count ? strings : nil
    }

    /// `instant` in whole ms since the epoch.
    static func milliseconds(_ instant: Instant) -> Int {
        Int((instant.secondsSinceEpoch * 1000).rounded(.down))
    }

    /// `values` as a compact JSON array.
    static func encode(_ values: [String]) -> String {
        JSONValue.array(values.map(JSONValue.string)).serialized
    }
}
