import Foundation
import GatewayCore

/// The form a policy is stored and versioned in: its `Codable` encoding (every default
/// explicit) as compact JSON with sorted keys, so one policy always gives the same text.
/// Reading goes back through `PolicyParser`, so a stored document is exactly as
/// validated as a file.
public enum PolicyDocument {
    /// The stored JSON text of `policy`.
    /// - Throws: `InvalidPolicyError` only if a value cannot be written as JSON, which a
    ///   parsed policy never holds.
    public static func text(of policy: ApplicationPolicy) throws(InvalidPolicyError) -> String {
        String(decoding: try bytes(of: policy), as: UTF8.self)
    }

    /// The policy a stored text holds, validated like a policy file.
    public static func policy(from text: String) throws(InvalidPolicyError) -> ApplicationPolicy {
        try PolicyParser.parse(Array(text.utf8))
    }

    /// Every top-level member of `policy`'s document, sorted by name.
    public static func fields(of policy: ApplicationPolicy) throws(InvalidPolicyError) -> [String] {
        try members(of: policy).keys.sorted()
    }

    /// The top-level members whose value differs between `old` and `new` (present in one
    /// only counts as different), sorted by name; empty when the policies are equal.
    public static func changedFields(from old: ApplicationPolicy, to new: ApplicationPolicy) throws(InvalidPolicyError) -> [String] {
        let before = try members(of: old), after = try members(of: new)
        return Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    /// `policy` with one top-level member replaced, validated again as a whole document.
    static func replacing(
        _ key: String, with value: JSONValue, in policy: ApplicationPolicy
    ) throws(InvalidPolicyError) -> ApplicationPolicy {
        var object = try members(of: policy)
        object[key] = value
        return try PolicyParser.parse(.object(object))
    }

    private static func members(of policy: ApplicationPolicy) throws(InvalidPolicyError) -> [String: JSONValue] {
        let encoded = try bytes(of: policy)
        guard case .object(let members) = try? StrictJSONParser.parse(encoded, maxDepth: PolicyParser.maximumDepth) else {
            throw failure("its encoding is not a JSON object")
        }
        return members
    }

    private static func bytes(of policy: ApplicationPolicy) throws(InvalidPolicyError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(policy))
        } catch {
            throw failure("cannot be encoded as JSON: \(error)")
        }
    }

    private static func failure(_ reason: String) -> InvalidPolicyError {
        InvalidPolicyError(problems: [PolicyValidationError(path: "", reason: reason)])
    }
}
