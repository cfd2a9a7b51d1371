public import Foundation
public import GatewayCrypto

/// `Keys/manifest.json`: one entry per signing key. The timestamps decide what a key does
/// at any moment (see `KeyLifecycle`); `state` records what the last `gateway keys`
/// command saw, for people reading the file.
public struct KeyManifest: Sendable, Equatable, Codable {
    /// One key.
    public struct Entry: Sendable, Equatable, Codable {
        /// RFC 7638 thumbprint of the public key.
        public var kid: String
        /// Its algorithm.
        public var alg: SignatureAlgorithm
        /// `published`, `active` or `retired` when the manifest was last written.
        public var state: KeyState
        /// PEM file name inside the keys directory.
        public var file: String
        /// When it was generated.
        public var createdAt: Date
        /// From when it may sign (until then it is only published in the JWKS).
        public var activateAt: Date
        /// From when it is gone from the JWKS and from use.
        public var retiredAt: Date?

        enum CodingKeys: String, CodingKey {
            case kid, alg, state, file
            case createdAt = "created_at", activateAt = "activate_at", retiredAt = "retired_at"
        }

        /// An entry.
        public init(kid: String, alg: SignatureAlgorithm, state: KeyState, file: String, createdAt: Date,
                    activateAt: Date, retiredAt: Date? = nil) {
            self.kid = kid
            self.alg = alg
            self.state = state
            self.file = file
            self.createdAt = createdAt
            self.activateAt = activateAt
            self.retiredAt = retiredAt
        }
    }

    /// Every key ever generated here (retired ones stay listed; their files may be deleted).
    public var keys: [Entry]

    /// A manifest with `keys`.
    public init(keys: [Entry] = []) { self.keys = keys }

    /// The manifest file's name inside the keys directory.
    public static let fileName = "manifest.json"

    /// Reads `directory/manifest.json`; a missing file is an empty manifest.
    public static func load(directory: String) throws(KeyRingError) -> KeyManifest {
        let path = (directory as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return KeyManifest() }
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path) }
        do { return try decoder.decode(KeyManifest.self, from: data) } catch {
            throw .invalidManifest(path, String(describing: error).prefix(200).description)
        }
    }

    /// Writes `directory/manifest.json` atomically (temp file + rename).
    public func save(directory: String) throws(KeyRingError) {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        do {
            let data = try Self.encoder.encode(self)
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unwritable(path)
        }
    }

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }()
}

/// What a key does.
public enum KeyState: String, Sendable, Codable, CaseIterable {
    /// In the JWKS, not signing: announced before use, or kept after use until the tokens it
    /// signed have expired.
    case published
    /// Signs new tokens (exactly one per algorithm) and is in the JWKS.
    case active
    /// Neither in the JWKS nor used.
    case retired
}
