/// A library patrons can register with, as the library system lists it.
public struct Library: Sendable, Hashable {
    /// Stable identifier (`bibliotheek-noord`); the `library` claim in tokens.
    public let id: String
    /// Name shown on the registration page.
    public let displayName: String

    /// A library.
    public init(id: String, displayName: String) {
        self.id = id
        self.displayName = displayName
    }
}
