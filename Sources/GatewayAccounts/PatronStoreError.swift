/// Why a patron store refused a write. Callers turn the conflicts into messages that do
/// not reveal whose the username, address or membership is ("this username is not
/// available").
///
/// Descriptions name the rule only, never a value, so they can be logged.
public enum PatronStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another account has the same normalised username.
    case usernameTaken
    /// Another account has the same normalised e-mail address.
    case emailTaken
    /// The membership (library, member reference) is linked to another account already.
    case membershipAlreadyLinked
    /// The Mylibrary-id was used before (possibly by an account since erased); draw a
    /// new one.
    case mylibraryIDTaken
    /// No account has the given Mylibrary-id (it never existed or was erased).
    case notFound

    /// A loggable one-liner.
    public var description: String {
        switch self {
        case .usernameTaken: "patron store: username already in use"
        case .emailTaken: "patron store: e-mail address already in use"
        case .membershipAlreadyLinked: "patron store: membership already linked to an account"
        case .mylibraryIDTaken: "patron store: mylibrary_id used before"
        case .notFound: "patron store: no such account"
        }
    }
}
