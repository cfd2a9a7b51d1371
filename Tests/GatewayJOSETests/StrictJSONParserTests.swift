import GatewayCore
import Testing

private func parse(_ text: String) throws(StrictJSONParser.Failure) -> JSONValue { try StrictJSONParser.parse(Array(text.utf8)) }

@Suite struct StrictJSONParserTests {
    @Test func parsesEveryValueKind() throws {
        let value = try parse(#" {"a": [1, -2.5e3, true, false, null], "b": {"c": "\u00e9\ud83d\ude00\n\"/"}} "#)
        #expect(value == .object([
            "a": .array([.number(1), .number(-2500), .bool(true), .bool(false), .null]),
            "b": .object(["c": .string("é😀\n\"/")]),
        ]))
    }

    @Test(arguments: [
        #"{"alg":"ES256","alg":"none"}"#, #"{"a":1,}"#, #"[1,]"#, #"{"a":01}"#, #"{"a":1} x"#, #"{'a':1}"#,
        "{\"a\":\"\u{01}\"}", #"{"a":"\ud800"}"#, #"{"a":"\x"}"#, #"{"a":1e999}"#, #"{"a":tru}"#, "", #"{"a":"#,
    ])
    func refusesWhatALenientParserWouldAccept(text: String) {
        #expect(throws: StrictJSONParser.Failure.self) { try parse(text) }
    }

    @Test func refusesInvalidUTF8() {
        #expect(throws: StrictJSONParser.Failure.self) { try StrictJSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(throws: StrictJSONParser.Failure.self) { try parse(deep) }
        #expect(throws: Never.self) { try parse(String(repeating: "[", count: 30) + String(repeating: "]", count: 30)) }
    }

    @Test func duplicateKeyErrorSaysSo() {
        do { _ = try parse(#"{"kid":"a","kid":"b"}"#) } catch {
            #expect(error.reason == #"duplicate key "kid""#)
        }
    }
}
