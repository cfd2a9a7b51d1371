import Foundation
import GatewayPolicy

/// A valid confidential policy as ordered members (raw JSON per member), which each test
/// case changes in one place.
let baseMembers: [(key: String, json: String)] = [
    ("client_id", #""test-app""#),
    ("display_name", #""Test App""#),
    ("supplier", #""Test Supplier B.V.""#),
    ("client_type", #""confidential""#),
    ("token_endpoint_auth_method", #""client_secret_basic""#),
    ("redirect_uris", #"["https://app.example/callback"]"#),
    ("libraries", #""*""#),
    ("allowed_scopes", #"["openid", "profile", "email"]"#),
    ("functional_communication", #"{"needed": true, "purpose": "Sends you reminders by e-mail."}"#),
]

/// The base document with members replaced or added (`set`) and members removed (`remove`).
func document(set changes: [String: String] = [:], remove: [String] = []) -> String {
    var members = baseMembers.filter { !remove.contains($0.key) }.map { member in (member.key, changes[member.key] ?? member.json) }
    let added = changes.keys.filter { key in !baseMembers.contains { $0.key == key } }.sorted()
    members += added.compactMap { key in changes[key].map { (key, $0) } }
    return "{" + members.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
}

func parse(_ text: String) throws(InvalidPolicyError) -> ApplicationPolicy {
    try PolicyParser.parse(Array(text.utf8))
}

/// The problems parsing `bytes` reports; empty when it parses.
func problems(_ bytes: [UInt8]) -> [PolicyValidationError] {
    do {
        _ = try PolicyParser.parse(bytes)
        return []
    } catch {
        return error.problems
    }
}

func problems(_ text: String) -> [PolicyValidationError] { problems(Array(text.utf8)) }

/// `Policies/` of this package.
let demoPoliciesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Policies").path

/// A fresh directory, removed when the value goes away.
final class ScratchDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "gateway-policy-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` in the directory and returns the file's path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
}
