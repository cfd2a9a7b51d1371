import Foundation
import GatewayCore
import GatewayPolicy

/// Reads `SQLitePolicyStore`'s rows back into values. A row that does not read back (a
/// database edited by hand, or a bug) is reported as the store being unavailable, naming
/// the application and the problem, never a value: documents hold secret hashes.
enum PolicyRows {
    /// A row of `PolicySQL.currentColumns`.
    static func stored(_ row: SQLiteRow) throws(PolicyStoreError) -> StoredPolicy {
        let clientID = row.string("client_id") ?? "?"
        guard let version = row.int("version"), let document = row.string("document"),
              let updatedAt = row.double("updated_at"), let updatedBy = row.string("updated_by") else {
            throw unreadable(clientID, "a column is missing or has the wrong type")
        }
        let policy: ApplicationPolicy
        do {
            policy = try PolicyDocument.policy(from: document)
        } catch {
            throw unreadable(clientID, "the document breaks a policy rule: \(error.problems.map(\.description).joined(separator: "; "))")
        }
        guard policy.clientID == clientID else { throw unreadable(clientID, "the document is filed under another client_id") }
        return StoredPolicy(policy: policy, version: version, updatedAt: Instant(secondsSinceEpoch: updatedAt), updatedBy: updatedBy)
    }

    /// A row of `PolicySQL.versions`.
    static func version(_ row: SQLiteRow) throws(PolicyStoreError) -> PolicyVersion {
        let clientID = row.string("client_id") ?? "?"
        guard let version = row.int("version"), let actor = row.string("actor"), let changedAt = row.double("changed_at"),
              let fields = row.string("changed_fields"), let document = row.string("document") else {
            throw unreadable(clientID, "a version column is missing or has the wrong type")
        }
        guard let changedFields = try? JSONDecoder().decode([String].self, from: Data(fields.utf8)) else {
            throw unreadable(clientID, "changed_fields of version \(version) is not a list of names")
        }
        return PolicyVersion(clientID: clientID, version: version, actor: actor, changedAt: Instant(secondsSinceEpoch: changedAt),
                             changedFields: changedFields, document: document)
    }

    /// `fields` as the JSON array stored in `changed_fields`.
    static func fieldList(_ fields: [String]) -> String {
        "[" + fields.map { field in
            var text = ""
            JSONString.append(field, to: &text)
            return text
        }.joined(separator: ",") + "]"
    }

    private static func unreadable(_ clientID: String, _ reason: String) -> PolicyStoreError {
        .unavailable(detail: "stored policy of client_id \(clientID) is unreadable: \(reason)")
    }
}
