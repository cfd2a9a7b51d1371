public import Foundation
public import GatewayCrypto
import GatewayJOSE

/// What `gateway keys generate|rotate|retire|list` do to a keys directory.
public struct KeyAdministration: Sendable {
    /// The longest token lifetime a policy may set (access and ID tokens, 1 hour).
    public static let maximumTokenLifetime = 3600

    /// The keys directory.
    public let directory: String
    /// The longest lifetime of a token we sign: a retired key must outlive it.
    public let maxTokenLifetime: TimeInterval

    /// Administration of `directory`.
    public init(directory: String, maxTokenLifetime: TimeInterval = 3600) {
        self.directory = directory
        self.maxTokenLifetime = maxTokenLifetime
    }

    /// The first key of `algorithm`, active at once (nobody can be surprised by the first
    /// key). Refuses when one exists, unless `ifMissing` (then it does nothing).
    @discardableResult
    public func generate(_ algorithm: SignatureAlgorithm, ifMissing: Bool = false, now: Date = Date()) throws -> KeyManifest.Entry? {
        var manifest = try KeyManifest.load(directory: directory)
        if manifest.keys.contains(where: { $0.alg == algorithm && KeyLifecycle.state(of: $0, in: manifest, at: now) != .retired }) {
            if ifMissing { return nil }
            throw KeyRingError.alreadyHasKey(algorithm: algorithm.rawValue)
        }
        return try add(algorithm, activateAt: now, to: &manifest, now: now)
    }

    /// Step one of a rotation: a new key that is only published until `now + publishFor`,
    /// then takes over signing by itself. The old key stays published until retired.
    @discardableResult
    public func rotate(_ algorithm: SignatureAlgorithm, publishFor: TimeInterval, now: Date = Date()) throws -> KeyManifest.Entry {
        var manifest = try KeyManifest.load(directory: directory)
        return try add(algorithm, activateAt: now.addingTimeInterval(publishFor), to: &manifest, now: now)!
    }

    /// Removes `kid` from the JWKS from `now` on. Refused while it is active or while
    /// tokens it signed may still be valid (successor activation + max token lifetime).
    public func retire(_ kid: String, force: Bool = false, now: Date = Date()) throws {
        var manifest = try KeyManifest.load(directory: directory)
        guard let index = manifest.keys.firstIndex(where: { $0.kid == kid }) else { throw KeyRingError.unknownKey(kid) }
        let entry = manifest.keys[index]
        if !force {
            let stopped = KeyLifecycle.deactivation(of: entry, in: manifest) ?? .distantFuture
            let safe = stopped == .distantFuture ? stopped : stopped.addingTimeInterval(maxTokenLifetime)
            if safe > now, entry.activateAt <= now {
                throw KeyRingError.stillNeeded(kid: kid, until: safe == .distantFuture ? "a successor has taken over" : ISO8601DateFormatter().string(from: safe))
            }
        }
        manifest.keys[index].retiredAt = now
        try save(&manifest, now: now)
    }

    /// Every key with its state at `now`.
    public func list(now: Date = Date()) throws -> [(entry: KeyManifest.Entry, state: KeyState)] {
        let manifest = try KeyManifest.load(directory: directory)
        return manifest.keys.map { ($0, KeyLifecycle.state(of: $0, in: manifest, at: now)) }
    }

    private func add(_ algorithm: SignatureAlgorithm, activateAt: Date, to manifest: inout KeyManifest, now: Date) throws -> KeyManifest.Entry? {
        let key = try SigningKey.generate(algorithm)
        let kid = JSONWebKey.thumbprint(of: key.publicKey.parameters)
        let file = "\(algorithm.rawValue.lowercased())-\(kid.prefix(16)).pem"
        try writePrivate(try key.privateKeyPEM(), to: (directory as NSString).appendingPathComponent(file))
        let entry = KeyManifest.Entry(kid: kid, alg: algorithm, state: .published, file: file, createdAt: now, activateAt: activateAt)
        manifest.keys.append(entry)
        try save(&manifest, now: now)
        return manifest.keys.last
    }

    /// Refreshes every entry's recorded `state`, then writes the manifest.
    private func save(_ manifest: inout KeyManifest, now: Date) throws {
        let snapshot = manifest
        for index in manifest.keys.indices {
            manifest.keys[index].state = KeyLifecycle.state(of: snapshot.keys[index], in: snapshot, at: now)
        }
        try manifest.save(directory: directory)
    }

    /// Creates the file with mode 0600 before any byte of the key is written.
    private func writePrivate(_ pem: String, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw KeyRingError.unwritable(path) }
        defer { close(fd) }
        let bytes = Array(pem.utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw KeyRingError.unwritable(path) }
    }
}
