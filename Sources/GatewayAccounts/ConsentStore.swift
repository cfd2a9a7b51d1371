public import GatewayCore

/// A patron's recorded consent for one application: what was shown (as a fingerprint of
/// the policy's disclosures) and when it was given. When the policy's disclosures change,
/// the fingerprint no longer matches and the patron is asked again.
public struct ConsentRecord: Sendable, Equatable {
    /// The application.
    public let clientID: String
    /// Fingerprint of the disclosures the patron agreed to (see `ConsentDisclosure`).
    public let disclosureFingerprint: String
    /// When the patron agreed.
    public let grantedAt: Instant

    /// A consent record.
    public init(clientID: String, disclosureFingerprint: String, grantedAt: Instant) {
        self.clientID = clientID
        self.disclosureFingerprint = disclosureFingerprint
        self.grantedAt = grantedAt
    }
}

/// Where consent decisions are kept (the SQL store), per patron and application.
public protocol ConsentStore: Sendable {
    /// The patron's consent for `clientID`, or nil when none was given (or it was withdrawn).
    func consent(mylibraryID: MylibraryID, clientID: String) throws(ConsentStoreError) -> ConsentRecord?

    /// Records (or replaces) the patron's consent for `record.clientID`.
    func record(_ record: ConsentRecord, for mylibraryID: MylibraryID) throws(ConsentStoreError)

    /// Every consent of the patron, ordered by client_id (for the privacy pages and export).
    func consents(for mylibraryID: MylibraryID) throws(ConsentStoreError) -> [ConsentRecord]

    /// Withdraws the patron's consent for `clientID`; true when there was one.
    @discardableResult
    func withdraw(mylibraryID: MylibraryID, clientID: String) throws(ConsentStoreError) -> Bool
}

/// Why the consent store could not answer. Carries no patron.
public enum ConsentStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The store cannot be reached or answered with an error: issue nothing, answer 503.
    case unavailable(detail: String)

    /// A one-line explanation for logs.
    public var description: String {
        switch self {
        case .unavailable(let detail): "consent store unavailable: \(detail)"
        }
    }
}
