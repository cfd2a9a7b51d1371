public import Foundation
import Synchronization

/// Serves the current `KeyRing` to every worker thread and reloads it when
/// `Keys/manifest.json` changes (checked at most every `checkInterval` seconds), so a
/// rotation made with `gateway keys rotate` reaches a running server without a restart.
/// A manifest that fails to load keeps the previous ring in service and is reported
/// through `lastReloadError`.
public final class KeyRingProvider: Sendable {
    private struct State: Sendable {
        var ring: KeyRing
        var modified: ManifestStamp?
        var checkedAt: Date
        var lastError: KeyRingError?
    }

    /// The keys directory.
    public let directory: String
    private let checkInterval: TimeInterval
    private let state: Mutex<State>

    /// Loads `directory` now; throws when it cannot be used at start-up.
    public init(directory: String, checkInterval: TimeInterval = 5) throws(KeyRingError) {
        self.directory = directory
        self.checkInterval = checkInterval
        let ring = try KeyRing(directory: directory)
        state = Mutex(State(ring: ring, modified: Self.modificationDate(directory), checkedAt: Date()))
    }

    /// The current ring (reloaded first when the manifest changed).
    public func ring() -> KeyRing {
        let now = Date()
        let (current, due) = state.withLock { state -> (KeyRing, Bool) in
            let due = now.timeIntervalSince(state.checkedAt) >= checkInterval
            if due { state.checkedAt = now }
            return (state.ring, due)
        }
        guard due, Self.modificationDate(directory) != state.withLock({ $0.modified }) else { return current }
        return reload()
    }

    /// Why the last reload failed (nil when it succeeded).
    public var lastReloadError: KeyRingError? { state.withLock { $0.lastError } }

    private func reload() -> KeyRing {
        let modified = Self.modificationDate(directory)
        do {
            let ring = try KeyRing(directory: directory)
            return state.withLock { state in
                state.ring = ring
                state.modified = modified
                state.lastError = nil
                return ring
            }
        } catch {
            return state.withLock { state in
                state.modified = modified
                state.lastError = error
                return state.ring
            }
        }
    }

    /// What tells one manifest file from the next: the manifest is replaced atomically
    /// (temp file + rename), so its inode changes with every write, even when two writes
    /// fall in the same tick of the file system's coarse modification clock.
    struct ManifestStamp: Equatable {
        let modified: Date?
        let inode: UInt64?
        let size: UInt64?
    }

    private static func modificationDate(_ directory: String) -> ManifestStamp? {
        let path = (directory as NSString).appendingPathComponent(KeyManifest.fileName)
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return ManifestStamp(modified: attributes[.modificationDate] as? Date, inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value,
                             size: (attributes[.size] as? NSNumber)?.uint64Value)
    }
}
