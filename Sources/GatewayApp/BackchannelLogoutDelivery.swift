import Foundation

/// One logout token on its way to one application. The token is the only copy of the
/// patron's identifier here and is never logged.
struct BackchannelLogoutDelivery: Sendable {
    /// The application (for logs and metrics).
    let clientID: String
    /// Its `backchannel_logout_uri`.
    let endpoint: URL
    /// The signed logout token.
    let token: String
    /// Attempts made so far.
    var attempts = 0
    /// Monotonic second at which the next attempt is due.
    var dueAt: Double
    /// Order of arrival: deliveries due at the same moment go out first come, first served.
    var sequence: UInt64 = 0
}
