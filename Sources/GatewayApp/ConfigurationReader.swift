import GatewayCore

/// Typed, range-checked reads from a `ConfigurationSource`; each failure names the field
/// and the source of the bad value.
struct ConfigurationReader {
    let source: ConfigurationSource

    func string(_ path: String, default fallback: String) throws(ConfigurationError) -> String {
        guard let entry = source.entries[path] else { return fallback }
        switch entry.value {
        case .string(let text): return text
        default: throw ConfigurationError(field: path, reason: "must be a string", source: entry.origin)
        }
    }

    func int(_ path: String, default fallback: Int, range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        guard let entry = source.entries[path] else { return fallback }
        let number: Double?
        switch entry.value {
        case .number(let value): number = value
        case .string(let text): number = Double(text.trimmingSpaces)
        default: number = nil
        }
        guard let number, number == number.rounded(), let value = Int(exactly: number) else {
            throw ConfigurationError(field: path, reason: "must be a whole number", source: entry.origin)
        }
        guard range.contains(value) else {
            throw ConfigurationError(field: path, reason: "must be between \(range.lowerBound) and \(range.upperBound), got \(value)",
                                     source: entry.origin)
        }
        return value
    }

    func double(_ path: String, default fallback: Double, range: ClosedRange<Double>) throws(ConfigurationError) -> Double {
        guard let entry = source.entries[path] else { return fallback }
        let number: Double? = switch entry.value {
        case .number(let value): value
        case .string(let text): Double(text.trimmingSpaces)
        default: nil
        }
        guard let number, number.isFinite else {
            throw ConfigurationError(field: path, reason: "must be a number", source: entry.origin)
        }
        guard range.contains(number) else {
            throw ConfigurationError(field: path, reason: "must be between \(range.lowerBound) and \(range.upperBound), got \(number)",
                                     source: entry.origin)
        }
        return number
    }

    func bool(_ path: String, default fallback: Bool) throws(ConfigurationError) -> Bool {
        guard let entry = source.entries[path] else { return fallback }
        switch entry.value {
        case .bool(let value): return value
        case .string(let text) where ["true", "1", "yes"].contains(text.lowercased()): return true
        case .string(let text) where ["false", "0", "no"].contains(text.lowercased()): return false
        default: throw ConfigurationError(field: path, reason: "must be true or false", source: entry.origin)
        }
    }

    func list(_ path: String, default fallback: [String]) throws(ConfigurationError) -> [String] {
        guard let entry = source.entries[path] else { return fallback }
        switch entry.value {
        case .list(let values): return values
        default: throw ConfigurationError(field: path, reason: "must be a list of strings", source: entry.origin)
        }
    }

    func origin(_ path: String) -> String? { source.entries[path]?.origin }

    func fail(_ path: String, _ reason: String) -> ConfigurationError {
        ConfigurationError(field: path, reason: reason, source: origin(path))
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
