import GatewayPolicy
import Testing

/// Whatever arrives, parsing ends with a policy or with problems: no crash, no hang.
@Suite struct HostileInputTests {
    @Test func deeplyNestedArraysAreRefused() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(problems(deep) == [PolicyValidationError(path: "", reason: "document is not valid JSON: nesting deeper than 16 at line 1, column 18")])
        let nestedInField = document(set: ["description": String(repeating: "[", count: 50_000)])
        #expect(problems(nestedInField).first?.reason.hasPrefix("document is not valid JSON: nesting deeper than 16") == true)
    }

    @Test func megabyteStringIsRefusedByItsRule() {
        let huge = String(repeating: "x", count: 1_000_000)
        #expect(problems(document(set: ["display_name": "\"\(huge)\""])) == [
            PolicyValidationError(path: "display_name", reason: "must be at most 100 characters"),
        ])
        let found = problems(document(set: ["redirect_uris": "[\"https://app.example/\(huge)\"]"]))
        #expect(found == [PolicyValidationError(path: "redirect_uris[0]", reason: "must be at most 2048 characters")])
    }

    @Test func megabyteKeyIsShortenedInThePath() throws {
        let key = String(repeating: "k", count: 1_000_000)
        let found = problems(document(set: [key: "1"]))
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.path == "[\"" + String(repeating: "k", count: 64) + "…\"]")
        #expect(problem.reason == "unknown field")
    }

    @Test func oversizedDocumentIsRefusedBeforeParsing() {
        let text = document(set: ["description": "\"" + String(repeating: "x", count: 2_000_000) + "\""])
        #expect(problems(text) == [PolicyValidationError(path: "", reason: "document is larger than 1048576 bytes")])
    }

    @Test(arguments: [("[]", "array"), (#""policy""#, "string"), ("42", "number"), ("null", "null"), ("true", "boolean")])
    func nonObjectTopLevelIsRefused(text: String, type: String) {
        #expect(problems(text) == [PolicyValidationError(path: "", reason: "a policy must be a JSON object, got \(type)")])
    }

    @Test func invalidUTF8IsRefused() {
        var bytes = Array(document().utf8)
        bytes.insert(contentsOf: [0xC3, 0x28], at: 15)
        #expect(problems(bytes) == [PolicyValidationError(path: "", reason: "document is not valid UTF-8")])
        #expect(problems([0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]) == [PolicyValidationError(path: "", reason: "document is not valid UTF-8")])
    }

    @Test func duplicateMemberIsRefusedWithItsPosition() {
        let text = "{\"client_id\": \"a\",\n \"client_id\": \"b\"}"
        #expect(problems(text) == [
            PolicyValidationError(path: "", reason: "document is not valid JSON: duplicate key \"client_id\" at line 2, column 13"),
        ])
    }

    @Test(arguments: ["", "{", "{\"a\":}", "{\"a\": 1e999}", #"{"a": "\ud800"}"#, "{\"a\": 1} trailing", "\u{0}"])
    func malformedJSONIsOneDocumentProblem(text: String) throws {
        let found = problems(text)
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.path.isEmpty)
        #expect(problem.reason.hasPrefix("document is not valid JSON: "))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(document().utf8)
        #expect(try PolicyParser.parse(bytes).clientID == "test-app")
    }

    @Test func manyUnknownFieldsAreAllReported() {
        var changes: [String: String] = [:]
        for index in 0..<2_000 { changes["extra_\(index)"] = "[[[[1]]]]" }
        #expect(problems(document(set: changes)).count == 2_000)
    }

    @Test func controlCharactersInKeysAreEscapedInThePath() {
        let found = problems(document(set: [#"bad\nkey"#: "1"]))
        #expect(found == [PolicyValidationError(path: #"["bad\nkey"]"#, reason: "unknown field")])
    }
}
