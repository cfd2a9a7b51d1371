/// Headers every response carries (OWASP Secure Headers). A handler's own value wins
/// where it set one (e.g. a cacheable JWKS sets its own `Cache-Control`).
public struct SecurityHeaders: Sendable {
    /// Send `Strict-Transport-Security` (only when the issuer is https).
    public var strictTransportSecurity: Bool

    /// The CSP for HTML pages: nothing external, no scripts, no framing.
    public static let htmlContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// Headers for a deployment whose issuer is https when `strictTransportSecurity`.
    public init(strictTransportSecurity: Bool) { self.strictTransportSecurity = strictTransportSecurity }

    /// Adds the headers to `response`.
    public func apply(to response: inout HTTPResponse) {
        response.headers.setIfAbsent("X-Content-Type-Options", "nosniff")
        response.headers.setIfAbsent("Referrer-Policy", "no-referrer")
        // Default deny: only responses that opt in (public, non-personal data) are cacheable.
        response.headers.setIfAbsent("Cache-Control", "no-store")
        if strictTransportSecurity {
            response.headers.setIfAbsent("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        }
        if response.isHTML {
            response.headers.setIfAbsent("Content-Security-Policy", Self.htmlContentSecurityPolicy)
            response.headers.setIfAbsent("X-Frame-Options", "DENY")
        }
    }
}
