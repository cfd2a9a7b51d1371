import Foundation
public import GatewayCrypto
public import GatewayPolicy

/// Everything the demo partner application needs, derived from one application policy:
/// who it is (client id, display name), where it listens and is called back (the policy's
/// first redirect URI), what it asks for (every scope the policy allows) and how it
/// authenticates. The gateway's endpoints are not configured: they come from discovery.
public struct DemoAppConfiguration: Sendable, Equatable {
    /// The gateway's issuer URL (discovery is fetched from it; `iss` must equal it exactly).
    public var issuer: String
    /// OAuth 2 `client_id`.
    public var clientID: String
    /// The application's name, shown on its pages.
    public var displayName: String
    /// The policy's first redirect URI, sent as `redirect_uri`.
    public var redirectURI: String
    /// The path of `redirectURI`: where the callback route is served.
    public var callbackPath: String
    /// Address to listen on (an IP literal).
    public var host: String
    /// Port to listen on (the redirect URI's port; 0 lets the kernel choose, for tests).
    public var port: UInt16
    /// The policy's first post-logout redirect URI, when it has one.
    public var postLogoutRedirectURI: String?
    /// The scopes requested at login: every scope the policy allows, in policy order.
    public var scopes: [String]
    /// How the client authenticates at the token endpoint.
    public var clientAuthentication: ClientAuthentication
    /// The only algorithm accepted for ID tokens (`id_token_signed_response_alg`).
    public var idTokenAlgorithm: SignatureAlgorithm
    /// Whether cookies get `Secure` (the redirect URI is https).
    public var secureCookies: Bool
    /// Upper bound on demo sessions kept in memory; the least recently used go first.
    public var maximumSessions: Int = 1000
    /// Seconds after which an unused demo session is forgotten.
    public var sessionIdleSeconds: Double = 3600
    /// Seconds a started login may take before its state, nonce and verifier expire.
    public var loginTimeoutSeconds: Double = 600
    /// Discovery attempts per request that needs it, and the pause between them.
    public var discoveryAttempts: Int = 3
    /// Seconds between discovery attempts.
    public var discoveryRetrySeconds: Double = 1
    /// Timeout of each call to the gateway, in seconds.
    public var outboundTimeoutSeconds: Double = 10

    /// Derives the configuration from `policy`. `clientSecret` is required for the
    /// `client_secret_*` methods and refused for public clients; `host` overrides the
    /// redirect URI's host as listen address.
    public init(policy: ApplicationPolicy, issuer: String, clientSecret: ClientSecret?, host: String? = nil)
        throws(DemoAppConfigurationError) {
        try Self.checkIssuer(issuer)
        guard let redirect = policy.redirectURIs.first else {
            throw DemoAppConfigurationError(field: "redirect_uris", reason: "the policy lists no redirect URI")
        }
        let endpoint = try RedirectEndpoint(redirect, field: "redirect_uris[0]")
        self.issuer = issuer
        clientID = policy.clientID
        displayName = policy.displayName
        redirectURI = redirect
        callbackPath = endpoint.path
        self.host = try host.map { value throws(DemoAppConfigurationError) in try Self.checkHost(value) } ?? endpoint.listenHost
        port = endpoint.port
        postLogoutRedirectURI = policy.postLogoutRedirectURIs.first
        scopes = policy.allowedScopes.map(\.rawValue)
        clientAuthentication = try Self.authentication(policy, secret: clientSecret)
        idTokenAlgorithm = SignatureAlgorithm(rawValue: policy.idTokenSignedResponseAlg.rawValue) ?? .rs256
        secureCookies = endpoint.secure
    }

    /// The name of the demo session cookie. Browsers share cookies between ports of one
    /// host, so the name carries the client id: two demo apps on 127.0.0.1 do not clash.
    public var cookieName: String { (secureCookies ? "__Host-" : "") + "demo_app_" + clientID }

    /// The origin (`scheme://host:port`) of the redirect URI: where the app's own forms post from.
    public var origin: String {
        guard let schemeEnd = redirectURI.range(of: "://") else { return redirectURI }
        let rest = redirectURI[schemeEnd.upperBound...]
        return String(redirectURI[..<schemeEnd.upperBound]) + rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    }

    private static func authentication(_ policy: ApplicationPolicy, secret: ClientSecret?)
        throws(DemoAppConfigurationError) -> ClientAuthentication {
        let method = policy.tokenEndpointAuthMethod
        switch method {
        case .noAuthentication:
            guard secret == nil else {
                throw DemoAppConfigurationError(field: "--client-secret-file",
                                                reason: "\(policy.clientID) is a public client (token_endpoint_auth_method none) and uses no secret")
            }
            return .publicClient
        case .clientSecretBasic, .clientSecretPost:
            guard let secret else {
                throw DemoAppConfigurationError(field: "--client-secret-file",
                                                reason: "\(policy.clientID) authenticates with \(method.rawValue): give the secret file "
                                                    + "written by gateway policy import --secrets-dir")
            }
            return method == .clientSecretBasic ? .clientSecretBasic(secret) : .clientSecretPost(secret)
        case .privateKeyJWT:
            throw DemoAppConfigurationError(field: "token_endpoint_auth_method",
                                            reason: "private_key_jwt is not supported by the demo app (none, client_secret_basic and client_secret_post are)")
        }
    }

    private static func checkIssuer(_ issuer: String) throws(DemoAppConfigurationError) {
        let lower = issuer.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), !issuer.contains("?"), !issuer.contains("#"),
              issuer.split(separator: "/", omittingEmptySubsequences: false).count >= 3,
              !issuer.split(separator: "/", omittingEmptySubsequences: false)[2].isEmpty else {
            throw DemoAppConfigurationError(field: "--issuer", reason: "must be an http(s) URL without query or fragment, e.g. http://127.0.0.1:8080")
        }
    }

    private static func checkHost(_ host: String) throws(DemoAppConfigurationError) -> String {
        guard RedirectEndpoint.isIPLiteral(host) else {
            throw DemoAppConfigurationError(field: "--host", reason: "must be an IPv4 or IPv6 literal, e.g. 127.0.0.1")
        }
        return host
    }
}
