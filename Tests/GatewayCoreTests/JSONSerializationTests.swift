import GatewayCore
import Testing

/// The serializer as first written (String appends, keys sorted then looked up, integers via
/// `String(Int64)`): the byte-buffer serializer must produce exactly its output, because
/// tokens signed before and after the change must be identical.
private func reference(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .number(let number):
        guard number.isFinite else { return "null" }
        if number == number.rounded(), abs(number) < 9_007_199_254_740_992 { return String(Int64(number)) }
        return String(number)
    case .string(let text):
        var bytes: [UInt8] = []
        JSONString.append(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    case .array(let values): return "[" + values.map(reference).joined(separator: ",") + "]"
    case .object(let members):
        return "{" + members.keys.sorted().map { reference(.string($0)) + ":" + reference(members[$0]!) }.joined(separator: ",") + "}"
    }
}

/// Deterministic pseudo-random values (SplitMix64), so a failure reproduces.
private struct ValueGenerator {
    var state: UInt64
    private let strings = ["", "a", "sub", "é", "e\u{301}", "ß", "Z", "z", "\u{2028}", "tab\there", "quote\"", "back\\slash",
                           "\u{1}", "日本", "😀", "at+jwt", "https://login.example.org", "\u{7F}", "\r\n"]

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func string() -> String { strings[Int(next() % UInt64(strings.count))] + strings[Int(next() % UInt64(strings.count))] }

    mutating func number() -> Double {
        switch next() % 6 {
        case 0: Double(Int64(bitPattern: next()) >> Int64(next() % 63))
        case 1: Double(next() % 2_000_000_000)
        case 2: Double(bitPattern: next())
        case 3: [0, -0.0, 0.5, -1.25, 1e-7, 1e21, 9_007_199_254_740_991, 9_007_199_254_740_992, -9_007_199_254_740_991][Int(next() % 9)]
        case 4: Double(next() % 1000) / 8
        default: [Double.infinity, -.infinity, .nan, .greatestFiniteMagnitude][Int(next() % 4)]
        }
    }

    mutating func value(depth: Int) -> JSONValue {
        switch next() % (depth > 0 ? 6 : 4) {
        case 0: return [.null, .bool(true), .bool(false)][Int(next() % 3)]
        case 1: return .number(number())
        case 2, 3: return .string(string())
        case 4: return .array((0..<Int(next() % 4)).map { _ in value(depth: depth - 1) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int(next() % 6) { members[string()] = value(depth: depth - 1) }
            return .object(members)
        }
    }
}

@Suite struct JSONSerializationTests {
    @Test func objectMembersAreSortedAndCompact() {
        let value = JSONValue.object(["sub": .string("x"), "aud": .string("app"), "exp": .number(1_800_000_600), "email_verified": .bool(true)])
        #expect(value.serialized == #"{"aud":"app","email_verified":true,"exp":1800000600,"sub":"x"}"#)
    }

    @Test(arguments: [(0.0, "0"), (-0.0, "0"), (7, "7"), (-42, "-42"), (10, "10"), (1_800_000_000, "1800000000"),
                      (9_007_199_254_740_991, "9007199254740991"), (-9_007_199_254_740_991, "-9007199254740991"),
                      (9_007_199_254_740_992, "9007199254740992.0"), (1e21, "1e+21"), (0.5, "0.5"), (-1.25, "-1.25"), (1e-7, "1e-07"),
                      (Double.infinity, "null"), (Double.nan, "null")])
    func numbersPrintIntegersWithoutFraction(number: Double, text: String) {
        #expect(JSONValue.number(number).serialized == text)
        #expect(JSONValue.number(number).serializedBytes == Array(text.utf8))
    }

    @Test func stringsAreEscapedAsRFC8259AndSafeForJavaScript() {
        let value = JSONValue.string("a\"b\\c\n\r\t\u{1}\u{1F}\u{2028}\u{2029}é😀")
        #expect(value.serialized == #""a\"b\\c\n\r\t\u0001\u001f\u2028\u2029é😀""#)
    }

    @Test func nestedValuesSerializeRecursively() {
        let value = JSONValue.object(["b": .array([.null, .bool(false), .object(["y": .number(1), "x": .array([])])]), "a": .object([:])])
        #expect(value.serialized == #"{"a":{},"b":[null,false,{"x":[],"y":1}]}"#)
    }

    @Test func keysSortInStringOrderIncludingNonASCII() {
        let value = JSONValue.object(["é": .number(1), "z": .number(2), "Z": .number(3), "e\u{301}x": .number(4), "": .number(5)])
        #expect(value.serialized == reference(value))
        #expect(value.serialized.hasPrefix(#"{"":5,"Z":3,"z":2,"#))
    }

    @Test func serializedBytesAreTheUTF8OfSerialized() {
        let value = JSONValue.object(["name": .string("Zoë \u{2028}"), "n": .number(-3)])
        #expect(value.serializedBytes == Array(value.serialized.utf8))
    }

    @Test(arguments: 0..<8)
    func randomValuesMatchTheReferenceSerializer(seed: UInt64) {
        var generator = ValueGenerator(state: seed)
        for _ in 0..<200 {
            let value = generator.value(depth: 3)
            #expect(value.serialized == reference(value))
            #expect(value.serializedBytes == Array(reference(value).utf8))
        }
    }

    @Test(arguments: ["", "plain", "at+jwt", "quote\"", "back\\slash", "line\nbreak", "\u{2028}", "é", "\u{E000}", "\u{1}"])
    func appendingToAStringMatchesAppendingBytes(text: String) {
        var string = "prefix:"
        JSONString.append(text, to: &string)
        var bytes = Array("prefix:".utf8)
        JSONString.append(text, to: &bytes)
        #expect(Array(string.utf8) == bytes)
    }
}
