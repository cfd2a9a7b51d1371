public import GatewayCore

/// The token endpoint (RFC 6749 §3.2): authenticates the client, then hands the request to
/// the handler registered for its `grant_type`. The table is the whole list of grants.
public struct TokenEndpoint: Sendable {
    private let authenticator: ClientAuthenticator
    private let handlers: [String: any GrantHandler]
    private let clock: any Clock

    /// An endpoint serving `handlers`, keyed by their grant type.
    public init(authenticator: ClientAuthenticator, handlers: [any GrantHandler], clock: any Clock) {
        self.authenticator = authenticator
        self.handlers = Dictionary(uniqueKeysWithValues: handlers.map { ($0.grantType, $0) })
        self.clock = clock
    }

    /// The grant types served, sorted (for discovery).
    public var grantTypes: [String] { handlers.keys.sorted() }

    /// Handles one token request.
    public func handle(authorization: String?, parameters: OAuthParameters) throws(OAuthError) -> TokenResponse {
        let grantType = try parameters.required("grant_type")
        let client = try authenticator.authenticate(authorization: authorization, parameters: parameters)
        guard let handler = handlers[grantType] else {
            throw OAuthError(.unsupportedGrantType, "Supported grant types: \(grantTypes.joined(separator: ", ")).")
        }
        return try handler.handle(parameters, client: client, now: clock.now())
    }
}
