public import GatewayCore

/// One entry of an application's policy history: who changed what, when, and the whole
/// document as it was stored then.
public struct PolicyVersion: Sendable, Equatable {
    /// The application.
    public let clientID: String
    /// 1 for the first import, one more for every change.
    public let version: Int
    /// Who made the change (an admin name or the CLI user).
    public let actor: String
    /// When the change was stored.
    public let changedAt: Instant
    /// Top-level members that changed, sorted by name; every member for version 1.
    public let changedFields: [String]
    /// The stored JSON document of this version (`PolicyDocument` format). Kept as text:
    /// an old version need not satisfy today's rules to be shown or exported.
    public let document: String

    /// A history entry.
    public init(clientID: String, version: Int, actor: String, changedAt: Instant, changedFields: [String], document: String) {
        self.clientID = clientID
        self.version = version
        self.actor = actor
        self.changedAt = changedAt
        self.changedFields = changedFields
        self.document = document
    }
}
