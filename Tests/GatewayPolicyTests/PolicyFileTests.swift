import GatewayPolicy
import Testing

@Suite struct PolicyFileTests {
    @Test func loadDirectoryRefusesADuplicateClientIDAndNamesTheFile() throws {
        let directory = try ScratchDirectory()
        let first = try directory.write("a.json", document())
        let second = try directory.write("b.json", document(set: ["display_name": #""Same Id, Other App""#]))
        do {
            _ = try PolicyParser.loadDirectory(directory.path)
            Issue.record("expected the duplicate client_id to be refused")
        } catch {
            #expect(error.failures == [InvalidPolicyError(file: second, problems: [
                PolicyValidationError(path: "client_id", reason: "duplicate client_id \"test-app\", already used by \(first)"),
            ])])
            #expect(error.description == "\(second): client_id: duplicate client_id \"test-app\", already used by \(first)")
        }
    }

    @Test func loadDirectoryReportsEveryInvalidFile() throws {
        let directory = try ScratchDirectory()
        let broken = try directory.write("broken.json", "{")
        try directory.write("good.json", document())
        let wrong = try directory.write("wrong.json", document(set: ["client_id": #""other""#, "active": "1"]))
        do {
            _ = try PolicyParser.loadDirectory(directory.path)
            Issue.record("expected the invalid files to be refused")
        } catch {
            #expect(error.failures.map(\.file) == [broken, wrong])
            #expect(error.failures.last?.problems == [PolicyValidationError(path: "active", reason: "must be true or false, got number")])
        }
    }

    @Test func loadDirectoryReadsOnlyVisibleJSONFiles() throws {
        let directory = try ScratchDirectory()
        try directory.write("app.json", document())
        try directory.write(".draft.json", "not even JSON")
        try directory.write("README.md", "# notes")
        try directory.write("app.json.bak", "{")
        #expect(try PolicyParser.loadDirectory(directory.path).map(\.clientID) == ["test-app"])
    }

    @Test func missingDirectoryIsNamed() {
        #expect(throws: PolicyDirectoryError(directory: "/nonexistent/policies", failures: [
            InvalidPolicyError(file: "/nonexistent/policies", problems: [PolicyValidationError(path: "", reason: "cannot read directory")]),
        ])) { try PolicyParser.loadDirectory("/nonexistent/policies") }
    }

    @Test(arguments: [
        ("/nonexistent/app.json", "cannot read file: no such file or not accessible"),
        ("/dev/null", "cannot read file: not a regular file"),
        ("/tmp", "cannot read file: not a regular file"),
    ])
    func unreadableFileIsNamedWithTheReason(path: String, reason: String) {
        #expect(throws: InvalidPolicyError(file: path, problems: [PolicyValidationError(path: "", reason: reason)])) {
            try PolicyParser.loadFile(path)
        }
    }

    @Test func validateReportsOneLinePerProblemAndFails() throws {
        let directory = try ScratchDirectory()
        let file = try directory.write("app.json", document(set: ["redirect_uris": #"["http://app.example/cb#x"]"#, "active": "null"]))
        let report = PolicyValidator.report(for: [file])
        #expect(!report.ok)
        #expect(report.text == """
            \(file): redirect_uris[0]: must not contain a fragment ('#')
            \(file): active: must be true or false, got null
            """)
    }

    @Test func validateChecksDuplicatesAcrossTheGivenFiles() throws {
        let directory = try ScratchDirectory()
        let first = try directory.write("a.json", document())
        let second = try directory.write("b.json", document())
        let report = PolicyValidator.report(for: [first, second])
        #expect(!report.ok)
        #expect(report.lines.count == 2)
        #expect(report.lines[1] == "\(second): client_id: duplicate client_id \"test-app\", already used by \(first)")
    }

    @Test func validateSaysSoWhenADirectoryHasNoPolicies() throws {
        let directory = try ScratchDirectory()
        let report = PolicyValidator.report(for: directory.path)
        #expect(report.ok)
        #expect(report.text == "\(directory.path): no policy files (*.json)")
    }
}
