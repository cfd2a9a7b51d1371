/// Why the common-password checker could not start.
public enum CommonPasswordsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The cracklib dictionary files (`path.pwd`, `.pwi`, `.hwm`) are missing or
    /// unreadable; on Debian they come with `cracklib-runtime`.
    case dictionaryMissing(path: String)

    /// A one-line explanation for logs and startup errors.
    public var description: String {
        switch self {
        case .dictionaryMissing(let path):
            "cracklib dictionary \(path).pwd/.pwi/.hwm is missing or unreadable (install cracklib-runtime)"
        }
    }
}
