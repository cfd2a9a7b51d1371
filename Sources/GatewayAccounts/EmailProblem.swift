/// Why an e-mail address is refused. Descriptions explain the rule and never repeat the
/// input.
public enum EmailProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing was entered.
    case empty
    /// Longer than the maximum length (in bytes of UTF-8).
    case tooLong(maximum: Int)
    /// No `@` separating a mailbox name from a domain.
    case missingAtSign
    /// The part before `@` is empty, too long or contains spaces or special characters.
    case invalidLocalPart
    /// The part after `@` is not a domain name such as `example.org`.
    case invalidDomain

    /// A sentence for the registration page.
    public var description: String {
        switch self {
        case .empty: "Enter an e-mail address."
        case .tooLong(let maximum): "An e-mail address can have at most \(maximum) characters."
        case .missingAtSign: "An e-mail address looks like name@example.org."
        case .invalidLocalPart: "The part before the @ is not valid."
        case .invalidDomain: "The part after the @ must be a domain name such as example.org."
        }
    }
}
