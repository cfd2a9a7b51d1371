/// Why a chosen username is refused. Descriptions explain the rule and never repeat the
/// input.
public enum UsernameProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Shorter than the minimum length.
    case tooShort(minimum: Int)
    /// Longer than the maximum length.
    case tooLong(maximum: Int)
    /// Contains something other than letters, digits, `.`, `_` and `-`.
    case invalidCharacter
    /// Starts or ends with `.`, `_` or `-`.
    case punctuationAtEdge

    /// A sentence for the registration page.
    public var description: String {
        switch self {
        case .tooShort(let minimum): "A username needs at least \(minimum) characters."
        case .tooLong(let maximum): "A username can have at most \(maximum) characters."
        case .invalidCharacter: "A username can contain only letters, digits, '.', '_' and '-'."
        case .punctuationAtEdge: "A username cannot start or end with '.', '_' or '-'."
        }
    }
}
