/// The library system (the libraries' member administration), as registration and
/// login need it. Implementations: `FileLibrarySystem` (an export file; demo and tests)
/// and `HTTPLibrarySystem` (the real system's JSON API); `CachingLibrarySystem` wraps
/// either for the re-check at login.
///
/// Calls are synchronous: they run on HTTP worker threads. Every method throws only
/// `LibrarySystemError`.
public protocol LibrarySystem: Sendable {
    /// The libraries a patron can choose from, in display order.
    func libraries() throws(LibrarySystemError) -> [Library]

    /// Checks a card number and its secret (PIN or password) for library `library`.
    /// An unknown library or card number is `.invalid`, like a wrong secret.
    func verifyMembership(library: String, cardNumber: String, secret: String) throws(LibrarySystemError)
        -> MembershipCheck

    /// True when membership `memberReference` of library `library` is still current;
    /// false when it ended or no longer exists.
    func isMemberStillValid(library: String, memberReference: String) throws(LibrarySystemError) -> Bool
}
