/// Builds one flat JSON object by hand: faster than an encoder for a log line, and the
/// escaping below is complete for RFC 8259 strings.
struct JSONLine {
    private var text = "{"
    private var first = true

    mutating func add(_ key: String, _ value: LogValue) {
        if !first { text += "," }
        first = false
        JSONString.append(key, to: &text)
        text += ":"
        switch value {
        case .string(let string): JSONString.append(string, to: &text)
        case .int(let int): text += String(int)
        case .double(let double): text += double.isFinite ? String(double) : "null"
        case .bool(let bool): text += bool ? "true" : "false"
        }
    }

    mutating func finish() -> String { text + "}" }
}
