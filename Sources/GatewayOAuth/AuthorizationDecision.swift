public import GatewayAccounts
public import GatewayCore
import GatewayPolicy

/// What to do with a valid authorization request given the patron's SSO session (OIDC Core
/// §3.1.2.3–§3.1.2.4), in this order: authenticate, check the patron may use the
/// application, ask consent, issue the code.
public enum AuthorizationDecision: Sendable, Equatable {
    /// Show the login form, then come back.
    case login
    /// Tell the patron why they cannot use the application; the application gets `access_denied`.
    case refuse(Refusal)
    /// Show the consent page.
    case consent
    /// Issue the authorization code.
    case issueCode
    /// Redirect this error to the client (`login_required`, `consent_required` under prompt=none).
    case error(OAuthError)

    /// Why a logged-in patron may not use the application.
    public enum Refusal: String, Sendable, Equatable {
        /// The patron's library does not subscribe to the application.
        case notSubscribed = "not_subscribed"
        /// The patron restricted processing (GDPR Art. 18): no tokens are issued.
        case restricted
    }

    /// The patron facts the decision needs.
    public struct Patron: Sendable, Equatable {
        /// The patron's library.
        public let library: String
        /// Whether processing is restricted.
        public let restricted: Bool

        /// Facts of one patron.
        public init(library: String, restricted: Bool) {
            self.library = library
            self.restricted = restricted
        }
    }

    /// Decides for `request`, the live `session` (nil when there is none), its `patron`
    /// (nil when the account is gone) and the stored `consent` fingerprint at `now`.
    public static func decide(_ request: AuthorizationRequest, session: Session?, patron: Patron?, consentFingerprint: String?,
                              now: Instant) -> AuthorizationDecision {
        let prompt = request.prompt
        guard let session, let patron, !prompt.contains(.login), !tooOld(session, maxAge: request.maxAge, now: now) else {
            return prompt.contains(.none) ? .error(OAuthError(.loginRequired, "The patron is not logged in.")) : .login
        }
        guard request.policy.libraries.includes(patron.library) else { return .refuse(.notSubscribed) }
        guard !patron.restricted else { return .refuse(.restricted) }
        let current = ConsentDisclosure(policy: request.policy).fingerprint
        guard consentFingerprint == current, !prompt.contains(.consent) else {
            return prompt.contains(.none) ? .error(OAuthError(.consentRequired, "The patron has not consented.")) : .consent
        }
        return .issueCode
    }

    private static func tooOld(_ session: Session, maxAge: Int?, now: Instant) -> Bool {
        guard let maxAge else { return false }
        return now.secondsSinceEpoch - session.authTime.secondsSinceEpoch > Double(maxAge)
    }
}
