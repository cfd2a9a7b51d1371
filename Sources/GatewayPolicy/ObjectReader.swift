import GatewayCore

/// Reads the members of one JSON object by name and type. Every missing required member
/// and every wrongly typed value becomes a problem; `finish()` then reports each member
/// nobody asked for, so a misspelt field never passes silently.
final class ObjectReader {
    let path: String
    let problems: ProblemList
    private let members: [String: JSONValue]
    private var known: Set<String> = []

    init(_ members: [String: JSONValue], path: String, problems: ProblemList) {
        self.members = members
        self.path = path
        self.problems = problems
    }

    /// A reader for `value` when it is an object; otherwise reports that it must be one.
    static func object(_ value: JSONValue, path: String, problems: ProblemList) -> ObjectReader? {
        guard case .object(let members) = value else {
            problems.add(path, "must be an object, got \(value.typeName)")
            return nil
        }
        return ObjectReader(members, path: path, problems: problems)
    }

    func path(_ key: String) -> String { FieldPath.member(path, key) }

    func has(_ key: String) -> Bool { members[key] != nil }

    func fail(_ key: String, _ reason: String) { problems.add(path(key), reason) }

    /// The member's value; marks `key` as a known field whether or not it is present.
    func value(_ key: String, required: Bool = false) -> JSONValue? {
        known.insert(key)
        guard let value = members[key] else {
            if required { fail(key, "is required") }
            return nil
        }
        return value
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key, required: required) else { return nil }
        guard case .string(let text) = value else { return mistyped(key, value, "a string") }
        return text
    }

    /// A string member that `rule` finds nothing wrong with; `rule` returns the reason otherwise.
    func string(_ key: String, required: Bool = false, rule: (String) -> String?) -> String? {
        guard let text = string(key, required: required) else { return nil }
        if let reason = rule(text) {
            fail(key, reason)
            return nil
        }
        return text
    }

    func bool(_ key: String, required: Bool = false) -> Bool? {
        guard let value = value(key, required: required) else { return nil }
        guard case .bool(let flag) = value else { return mistyped(key, value, "true or false") }
        return flag
    }

    func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .number(let number) = value else { return mistyped(key, value, "a whole number") }
        guard let whole = Int(exactly: number) else {
            fail(key, "must be a whole number")
            return nil
        }
        guard range.contains(whole) else {
            fail(key, "must be between \(range.lowerBound) and \(range.upperBound), got \(whole)")
            return nil
        }
        return whole
    }

    func array(_ key: String, required: Bool = false) -> [JSONValue]? {
        guard let value = value(key, required: required) else { return nil }
        guard case .array(let elements) = value else { return mistyped(key, value, "an array") }
        return elements
    }

    func object(_ key: String, required: Bool = false) -> ObjectReader? {
        guard let value = value(key, required: required) else { return nil }
        return ObjectReader.object(value, path: path(key), problems: problems)
    }

    /// The string elements of an array member with their indexes; other elements are reported.
    func strings(_ key: String, required: Bool = false) -> [(index: Int, value: String)]? {
        guard let elements = array(key, required: required) else { return nil }
        return elements.enumerated().compactMap { index, element in
            guard case .string(let text) = element else {
                problems.add(FieldPath.element(path(key), index), "must be a string, got \(element.typeName)")
                return nil
            }
            return (index, text)
        }
    }

    /// A member whose value must be one of `Choice`'s raw values; `hint` is added to the reason.
    func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false, hint: String = "") -> Choice?
    where Choice.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        if let choice = Choice(rawValue: text) { return choice }
        let allowed = Choice.allCases.map { FieldPath.quoted($0.rawValue) }.joined(separator: ", ")
        fail(key, "must be one of \(allowed), got \(FieldPath.quoted(text))\(hint)")
        return nil
    }

    /// Reports every member that no read asked for, suggesting the known field it resembles.
    func finish() {
        for key in members.keys.sorted() where !known.contains(key) {
            let suggestion = Spelling.closest(to: key, among: known).map { " (did you mean \(FieldPath.quoted($0))?)" }
            fail(key, "unknown field" + (suggestion ?? ""))
        }
    }

    private func mistyped<Value>(_ key: String, _ value: JSONValue, _ expected: String) -> Value? {
        fail(key, "must be \(expected), got \(value.typeName)")
        return nil
    }
}
