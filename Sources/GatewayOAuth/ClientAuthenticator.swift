public import GatewayCore
public import GatewayPolicy

/// Authenticates the client of a token, introspection or revocation request (RFC 6749
/// §2.3, §3.2.1): the method used must be the one the policy registered, the client must
/// be active, and every failure is the same `invalid_client` (401, with a Basic challenge
/// when Basic was tried) so a caller cannot tell an unknown client from a wrong secret.
public struct ClientAuthenticator: Sendable {
    private let policies: @Sendable (String) -> ApplicationPolicy?
    private let secrets: ClientSecretVerifier
    private let assertions: ClientAssertionVerifier
    private let clock: any Clock

    /// An authenticator over the policy lookup `policies`.
    public init(policies: @escaping @Sendable (String) -> ApplicationPolicy?, secrets: ClientSecretVerifier,
                assertions: ClientAssertionVerifier, clock: any Clock) {
        self.policies = policies
        self.secrets = secrets
        self.assertions = assertions
        self.clock = clock
    }

    /// The policy of the client that `authorization` and `parameters` authenticate.
    public func authenticate(authorization: String?, parameters: OAuthParameters) throws(OAuthError) -> ApplicationPolicy {
        let credentials = try ClientCredentials(authorization: authorization, parameters: parameters)
        do {
            return try check(credentials)
        } catch var error {
            if case .basic = credentials, error.code == .invalidClient { error.usedBasicAuthentication = true }
            throw error
        }
    }

    /// Whether authenticating this request would run Argon2: a client secret that has not
    /// verified in this process yet. The HTTP layer runs only those requests off its worker
    /// threads; everything else stays on the fast path.
    public func wouldHash(authorization: String?, parameters: OAuthParameters) -> Bool {
        guard let credentials = try? ClientCredentials(authorization: authorization, parameters: parameters) else { return false }
        let presented: (id: String, secret: String)
        switch credentials {
        case .basic(let id, let secret), .post(let id, let secret): presented = (id, secret)
        case .assertion, .none: return false
        }
        guard let hash = policies(presented.id)?.clientSecretHash else { return false }
        return !secrets.isRemembered(secret: presented.secret, clientID: presented.id, encodedHash: hash)
    }

    /// `wouldHash` for a form body not decoded yet, which `decode` decodes (nil when it is
    /// not a form) only when the answer depends on it: a secret arrives in a Basic header or
    /// a `client_secret` field, and a field name may be spelled with percent escapes, so a
    /// body with neither `client_` nor `%` names no client and holds no secret.
    public func wouldHash(authorization: String?, formBody: [UInt8], decode: () -> OAuthParameters?) -> Bool {
        let basic = authorization.map(ClientCredentials.isBasic) ?? false
        let escaped = formBody.contains(UInt8(ascii: "%"))
        guard basic || escaped || Self.contains(Self.secretField, in: formBody) else { return false }
        guard escaped || Self.contains(Self.clientFields, in: formBody) else {
            return wouldHash(authorization: authorization, parameters: OAuthParameters([]))
        }
        guard let parameters = decode() else { return false }
        return wouldHash(authorization: authorization, parameters: parameters)
    }

    private static let secretField = Array("client_secret".utf8)
    private static let clientFields = Array("client_".utf8)

    /// A plain byte search (the needles are short): the standard library's generic
    /// `firstRange(of:)` costs more than the whole introspection it would guard.
    private static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { bytes in
            needle.withUnsafeBufferPointer { pattern in
                for start in 0...(bytes.count - pattern.count) where bytes[start] == first {
                    var matched = 1
                    while matched < pattern.count, bytes[start + matched] == pattern[matched] { matched += 1 }
                    if matched == pattern.count { return true }
                }
                return false
            }
        }
    }

    private func check(_ credentials: ClientCredentials) throws(OAuthError) -> ApplicationPolicy {
        let clientID = credentials.claimedClientID ?? assertionIssuer(credentials)
        guard let clientID, let policy = policies(clientID), policy.active else { throw Self.failed("unknown or inactive client") }
        switch (credentials, policy.tokenEndpointAuthMethod) {
        case (.basic(_, let secret), .clientSecretBasic), (.post(_, let secret), .clientSecretPost):
            guard let hash = policy.clientSecretHash else { throw Self.failed("client has no secret yet") }
            guard try secrets.verify(secret: secret, clientID: clientID, encodedHash: hash) else { throw Self.failed("wrong secret") }
        case (.assertion(let assertion, _), .privateKeyJWT):
            try assertions.verify(assertion, policy: policy, now: clock.now())
        case (.none, .noAuthentication):
            break
        default:
            throw Self.failed("method is not the registered \(policy.tokenEndpointAuthMethod.rawValue)")
        }
        return policy
    }

    private func assertionIssuer(_ credentials: ClientCredentials) -> String? {
        guard case .assertion(let assertion, _) = credentials else { return nil }
        return ClientAssertionVerifier.claimedIssuer(of: assertion)
    }

    private static func failed(_ detail: String) -> OAuthError {
        OAuthError(.invalidClient, "Client authentication failed.", detail: detail)
    }
}
