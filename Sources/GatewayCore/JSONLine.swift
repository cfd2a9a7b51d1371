/// Builds one flat JSON object as UTF-8 bytes: a log line is written for every request,
/// and appending bytes to one reserved buffer costs far less than growing a String.
struct JSONLine {
    private(set) var bytes: [UInt8]
    private var first = true

    init() {
        bytes = []
        bytes.reserveCapacity(256)
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func add(_ key: String, _ value: LogValue) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
        JSONString.append(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        switch value {
        case .string(let string): JSONString.append(string, to: &bytes)
        case .int(let int): bytes.append(contentsOf: String(int).utf8)
        case .double(let double): bytes.append(contentsOf: (double.isFinite ? String(double) : "null").utf8)
        case .bool(let bool): bytes.append(contentsOf: (bool ? "true" : "false").utf8)
        }
    }

    mutating func finish() -> [UInt8] {
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}
