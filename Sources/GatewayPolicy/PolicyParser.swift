public import GatewayCore

/// Turns policy documents into `ApplicationPolicy` values, checking every rule of the format
/// and reporting every problem found, each with its field path.
public enum PolicyParser {
    /// Largest accepted document. Real policies are a few kilobytes; the limit keeps a
    /// hostile or mistaken file from costing memory.
    public static let maximumDocumentBytes = 1 << 20
    /// Deepest accepted nesting; a policy needs five levels (a key list inside `jwks`).
    public static let maximumDepth = 16

    /// Parses and validates one policy document (UTF-8 JSON, an optional byte-order mark
    /// is skipped). Duplicate member names are refused, as two readers picking different
    /// duplicates would disagree about the policy.
    public static func parse(_ bytes: [UInt8]) throws(InvalidPolicyError) -> ApplicationPolicy {
        guard bytes.count <= maximumDocumentBytes else {
            throw documentError("document is larger than \(maximumDocumentBytes) bytes")
        }
        let body = Array(bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...])
        guard String(validating: body, as: UTF8.self) != nil else { throw documentError("document is not valid UTF-8") }
        let value: JSONValue
        do {
            value = try StrictJSONParser.parse(body, maxDepth: maximumDepth)
        } catch {
            throw documentError("document is not valid JSON: \(error.reason) at \(position(of: error.offset, in: body))")
        }
        return try parse(value)
    }

    /// Validates an already parsed document (for example the body of an admin API request).
    public static func parse(_ value: JSONValue) throws(InvalidPolicyError) -> ApplicationPolicy {
        guard case .object(let members) = value else {
            throw documentError("a policy must be a JSON object, got \(value.typeName)")
        }
        let problems = ProblemList()
        let reader = ObjectReader(members, path: "", problems: problems)
        var draft = PolicyDraft(reader: reader)
        draft.readAll()
        guard problems.isEmpty, let policy = draft.build() else {
            throw InvalidPolicyError(problems: problems.isEmpty ? [incomplete] : problems.problems)
        }
        return policy
    }

    /// Only reachable if a reader forgot to report why it left a required field empty.
    private static let incomplete = PolicyValidationError(path: "", reason: "policy is incomplete")

    private static func documentError(_ reason: String) -> InvalidPolicyError {
        InvalidPolicyError(problems: [PolicyValidationError(path: "", reason: reason)])
    }

    /// `line L, column C` (1-based, columns in bytes) of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> String {
        let before = bytes.prefix(min(offset, bytes.count))
        let line = before.count { $0 == UInt8(ascii: "\n") } + 1
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return "line \(line), column \(before.count - lineStart + 1)"
    }
}
