import Foundation
import GatewayCore

/// The raw settings before validation, merged in order: defaults, the JSON config file,
/// `GATEWAY_*` environment variables, command-line flags. Each value remembers where it
/// came from so an error can point at the right place.
public struct ConfigurationSource: Sendable {
    /// One raw value and its origin.
    public struct Entry: Sendable {
        /// The value as written.
        public var value: RawValue
        /// `config file PATH`, `GATEWAY_X` or `--flag`.
        public var origin: String
    }

    /// A raw setting.
    public enum RawValue: Sendable, Equatable {
        case string(String), number(Double), bool(Bool), list([String])
    }

    /// Values by dotted field path.
    public private(set) var entries: [String: Entry] = [:]

    /// No settings: every field takes its default.
    public init() {}

    /// Sets one field.
    public mutating func set(_ field: String, _ value: RawValue, origin: String) {
        entries[field] = Entry(value: value, origin: origin)
    }

    /// Reads a JSON object file, refusing unknown fields (a typo must not be silently ignored).
    public mutating func merge(file path: String) throws(ConfigurationError) {
        let origin = "config file \(path)"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationError(field: "config", reason: "cannot read \(path)", source: "--config")
        }
        let parsed: JSONValue
        do { parsed = try JSONDecoder().decode(JSONValue.self, from: data) } catch {
            throw ConfigurationError(field: "config", reason: "\(path) is not valid JSON", source: "--config")
        }
        guard case .object(let object) = parsed else {
            throw ConfigurationError(field: "config", reason: "\(path) must contain a JSON object", source: "--config")
        }
        try flatten(object, prefix: "", origin: origin)
    }

    private mutating func flatten(_ object: [String: JSONValue], prefix: String, origin: String) throws(ConfigurationError) {
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            let field = prefix + key
            if case .object(let nested) = value, ConfigurationFields.sections.contains(field) {
                try flatten(nested, prefix: field + ".", origin: origin)
                continue
            }
            guard ConfigurationFields.all.contains(field) else {
                throw ConfigurationError(field: field, reason: "unknown field", source: origin)
            }
            set(field, try Self.raw(value, field: field, origin: origin), origin: origin)
        }
    }

    private static func raw(_ value: JSONValue, field: String, origin: String) throws(ConfigurationError) -> RawValue {
        switch value {
        case .string(let string): return .string(string)
        case .bool(let bool): return .bool(bool)
        case .number(let number): return .number(number)
        case .array(let list):
            let strings = list.compactMap { if case .string(let s) = $0 { s } else { nil } }
            guard strings.count == list.count else {
                throw ConfigurationError(field: field, reason: "must be a list of strings", source: origin)
            }
            return .list(strings)
        default:
            throw ConfigurationError(field: field, reason: "must be a string, number, boolean or list, not \(value.typeName)",
                                     source: origin)
        }
    }
}
