import Synchronization

/// A `ConsentStore` in process memory, for unit tests and single-node development: the
/// same answers as the SQL store.
public final class InMemoryConsentStore: ConsentStore {
    private let records = Mutex<[MylibraryID: [String: ConsentRecord]]>([:])

    /// An empty store.
    public init() {}

    /// The patron's consent for `clientID`, if any.
    public func consent(mylibraryID: MylibraryID, clientID: String) -> ConsentRecord? {
        records.withLock { $0[mylibraryID]?[clientID] }
    }

    /// Records (or replaces) the patron's consent for `record.clientID`.
    public func record(_ record: ConsentRecord, for mylibraryID: MylibraryID) {
        records.withLock { $0[mylibraryID, default: [:]][record.clientID] = record }
    }

    /// Every consent of the patron, ordered by client_id.
    public func consents(for mylibraryID: MylibraryID) -> [ConsentRecord] {
        records.withLock { ($0[mylibraryID] ?? [:]).values.sorted { $0.clientID < $1.clientID } }
    }

    /// Withdraws the patron's consent for `clientID`; true when there was one.
    @discardableResult
    public func withdraw(mylibraryID: MylibraryID, clientID: String) -> Bool {
        records.withLock { records in
            let removed = records[mylibraryID]?.removeValue(forKey: clientID) != nil
            if records[mylibraryID]?.isEmpty == true { records[mylibraryID] = nil }
            return removed
        }
    }
}
