/// Why the signing keys cannot be used; each case says how to fix it.
public enum KeyRingError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(String)
    case unwritable(String)
    case invalidManifest(String, String)
    case missingKeyFile(kid: String, path: String)
    case insecurePermissions(path: String)
    case invalidKeyFile(path: String, reason: String)
    case thumbprintMismatch(kid: String, path: String)
    case noActiveKey(algorithm: String, directory: String)
    case unknownKey(String)
    case stillNeeded(kid: String, until: String)
    case alreadyHasKey(algorithm: String)

    /// What is wrong and the command that fixes it.
    public var description: String {
        switch self {
        case .unreadable(let path): "cannot read \(path)"
        case .unwritable(let path): "cannot write \(path)"
        case .invalidManifest(let path, let reason): "\(path) is not a valid key manifest: \(reason)"
        case .missingKeyFile(let kid, let path): "key \(kid) is listed in the manifest but \(path) is missing"
        case .insecurePermissions(let path):
            "\(path) is readable by group or others; a private key must be readable by its owner only: chmod 600 \(path)"
        case .invalidKeyFile(let path, let reason): "\(path) is not a usable private key: \(reason)"
        case .thumbprintMismatch(let kid, let path): "\(path) does not hold the key \(kid) the manifest names (was the file replaced?)"
        case .noActiveKey(let algorithm, let directory):
            "no active \(algorithm) signing key in \(directory): run `gateway keys generate --alg \(algorithm) --keys-dir \(directory)`"
        case .unknownKey(let kid): "no key \(kid) in the manifest"
        case .stillNeeded(let kid, let until):
            "key \(kid) may still verify unexpired tokens until \(until); retire it after that (or pass --force)"
        case .alreadyHasKey(let algorithm): "there is already a \(algorithm) key; use `gateway keys rotate --alg \(algorithm)` to replace it"
        }
    }
}
