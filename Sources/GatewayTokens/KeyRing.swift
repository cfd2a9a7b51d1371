public import Foundation
public import GatewayCrypto
public import GatewayJOSE

/// The signing keys of `Keys/`, loaded and checked: every non-retired key listed in the
/// manifest has its PEM file, the file is private to its owner, and it holds the key the
/// `kid` (its RFC 7638 thumbprint) names.
public struct KeyRing: Sendable {
    /// The manifest the keys came from.
    public let manifest: KeyManifest
    private let keys: [String: SigningKey]

    /// Loads and checks `directory`.
    public init(directory: String) throws(KeyRingError) {
        let manifest = try KeyManifest.load(directory: directory)
        var keys: [String: SigningKey] = [:]
        for entry in manifest.keys where entry.retiredAt == nil || entry.retiredAt! > Date() {
            keys[entry.kid] = try Self.loadKey(entry, directory: directory)
        }
        self.manifest = manifest
        self.keys = keys
    }

    /// A ring over already-loaded keys (tests).
    public init(manifest: KeyManifest, keys: [String: SigningKey]) {
        self.manifest = manifest
        self.keys = keys
    }

    /// The key that signs `algorithm` tokens at `now`, with its kid.
    public func signingKey(for algorithm: SignatureAlgorithm, at now: Date) -> (kid: String, key: SigningKey)? {
        guard let entry = KeyLifecycle.active(for: algorithm, in: manifest, at: now), let key = keys[entry.kid] else { return nil }
        return (entry.kid, key)
    }

    /// The public keys to publish at `now`: every key that is not retired, newest first.
    public func publicKeys(at now: Date) -> JSONWebKeySet {
        let entries = manifest.keys
            .filter { KeyLifecycle.state(of: $0, in: manifest, at: now) != .retired }
            .sorted { $0.activateAt > $1.activateAt }
        return JSONWebKeySet(keys: entries.compactMap { entry in
            keys[entry.kid].map { JSONWebKey(key: $0.publicKey, keyID: entry.kid) }
        })
    }

    /// Throws unless every algorithm in `algorithms` has an active key at `now`.
    public func requireActiveKeys(_ algorithms: Set<SignatureAlgorithm>, at now: Date, directory: String) throws(KeyRingError) {
        for algorithm in algorithms.sorted(by: { $0.rawValue < $1.rawValue }) where signingKey(for: algorithm, at: now) == nil {
            throw .noActiveKey(algorithm: algorithm.rawValue, directory: directory)
        }
    }

    static func loadKey(_ entry: KeyManifest.Entry, directory: String) throws(KeyRingError) -> SigningKey {
        let path = (directory as NSString).appendingPathComponent(entry.file)
        var status = stat()
        guard stat(path, &status) == 0 else { throw .missingKeyFile(kid: entry.kid, path: path) }
        guard status.st_mode & 0o077 == 0 else { throw .insecurePermissions(path: path) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        let key: SigningKey
        do { key = try SigningKey(pem: String(decoding: data, as: UTF8.self), algorithm: entry.alg) } catch {
            throw .invalidKeyFile(path: path, reason: error.description)
        }
        guard JSONWebKey.thumbprint(of: key.publicKey.parameters) == entry.kid else {
            throw .thumbprintMismatch(kid: entry.kid, path: path)
        }
        return key
    }
}
