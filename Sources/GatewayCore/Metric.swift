/// Something that renders itself in the Prometheus text exposition format (version 0.0.4).
public protocol Metric: Sendable {
    /// The metric family name, e.g. `gateway_http_requests_total`.
    var name: String { get }
    /// `# HELP`, `# TYPE` and one line per series.
    func render(into text: inout String)
}

/// Label values of one series, in the order of the metric's label names.
public typealias LabelValues = [String]

enum PrometheusText {
    static func header(_ name: String, help: String, type: String, into text: inout String) {
        text += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
    }

    /// `{a="x",b="y"}` with label values escaped as the exposition format requires.
    static func labels(_ names: [String], _ values: LabelValues, extra: (String, String)? = nil) -> String {
        var pairs = zip(names, values).map { "\($0)=\"\(escape($1))\"" }
        if let extra { pairs.append("\(extra.0)=\"\(escape(extra.1))\"") }
        return pairs.isEmpty ? "" : "{" + pairs.joined(separator: ",") + "}"
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
