extension ApplicationPolicy {
    /// Which libraries subscribe to the application: their patrons may use it, others are
    /// refused with a clear page. JSON: `"*"` or a list of library ids.
    public enum LibrarySubscription: Sendable, Equatable, Encodable {
        /// Every library in the network (`"*"`).
        case all
        /// Only these libraries (non-empty, no duplicates, in file order).
        case only([String])

        /// Whether a patron of `library` may use the application.
        public func includes(_ library: String) -> Bool {
            switch self {
            case .all: true
            case .only(let libraries): libraries.contains(library)
            }
        }

        /// Encodes as `"*"` or as the list of library ids.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .all: try container.encode("*")
            case .only(let libraries): try container.encode(libraries)
            }
        }
    }
}
