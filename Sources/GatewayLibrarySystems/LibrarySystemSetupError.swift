/// Why a library system could not be set up: its export file is unreadable or invalid,
/// or its configuration is wrong. Raised before the gateway serves, naming the exact
/// field; never contains secrets or member data.
public enum LibrarySystemSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The export file could not be read.
    case unreadableFile(path: String)
    /// A field has an unacceptable value: `field` is its path (`members[2].valid_until`,
    /// `base_url`), `reason` what is wrong.
    case invalid(field: String, reason: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .unreadableFile(let path): "library system: cannot read \(path)"
        case .invalid(let field, let reason): "library system: \(field): \(reason)"
        }
    }
}
