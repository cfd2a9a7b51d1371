import Foundation
import GatewayTesting

/// The repository's root folder (scripts and policies are found from here, whatever the
/// working directory of the test run).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Why an external client script gave no facts.
struct ScriptFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs `python3 <script> <arguments>` (script relative to the repository root) and
/// returns its standard output, which the scripts make one JSON object.
func runPythonScript(_ script: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repositoryRoot.appendingPathComponent(script).path] + arguments
    process.currentDirectoryURL = repositoryRoot
    // Standard error goes to a file, so neither stream can fill a pipe and stall the script.
    let scratch = TemporaryDirectory(prefix: "script")
    defer { scratch.remove() }
    _ = FileManager.default.createFile(atPath: scratch.file("stderr"), contents: nil)
    let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: scratch.file("stderr")))
    let output = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errors.close()
    guard process.terminationStatus == 0 else {
        let text = (try? String(contentsOfFile: scratch.file("stderr"), encoding: .utf8)) ?? ""
        throw ScriptFailure(description: "\(script) exited \(process.terminationStatus) (python3 packages from scripts/install-deps.sh test): "
                            + text.suffix(2000))
    }
    return data
}

/// The JSON object a script printed, read by dotted paths (`"e-books.id_token.claims"`).
struct ScriptFacts {
    let root: [String: Any]

    init(_ data: Data) throws {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw ScriptFailure(description: "the script printed no JSON object: " + String(decoding: data.prefix(500), as: UTF8.self))
        }
        root = object
    }

    /// The value at `path`, nil when any step is missing.
    func value(_ path: String) -> Any? {
        var current: Any? = root
        for key in path.split(separator: ".") { current = (current as? [String: Any])?[String(key)] }
        return current
    }

    func string(_ path: String) -> String? { value(path) as? String }
    func int(_ path: String) -> Int? { value(path) as? Int }
    func bool(_ path: String) -> Bool? { value(path) as? Bool }
    func strings(_ path: String) -> [String]? { value(path) as? [String] }
    func names(_ path: String) -> Set<String>? { strings(path).map(Set.init) }
}
