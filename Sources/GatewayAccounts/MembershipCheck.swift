/// The library system's answer to "do this card number and secret prove a membership?".
public enum MembershipCheck: Sendable, Equatable {
    /// A current membership. `memberReference` is the library system's own identifier
    /// for it (what the account links to); `validUntil` is the last day it is valid, when
    /// the system says.
    case valid(memberReference: String, validUntil: CalendarDate?)
    /// Unknown card number or wrong secret; deliberately not told apart.
    case invalid
    /// The card number and secret are right but the membership has ended.
    case expired
}
