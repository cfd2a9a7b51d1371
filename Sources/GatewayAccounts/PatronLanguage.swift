/// The language a patron reads pages and messages in.
public enum PatronLanguage: String, Sendable, Equatable, CaseIterable {
    /// Dutch, the default.
    case dutch = "nl"
    /// English.
    case english = "en"
}
