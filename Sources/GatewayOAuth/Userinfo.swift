import Foundation
public import GatewayCore
public import GatewayPolicy
import GatewayTokens

/// The userinfo endpoint (OIDC Core §5.3): a live, unrevoked access token with scope
/// `openid`, presented as a bearer token in the header or (POST) the form body, never both
/// (RFC 6750 §2). The claims come from the same claim assembly as the tokens.
public struct Userinfo: Sendable {
    private let verifier: OwnTokenVerifier
    private let grants: any GrantStore
    private let patrons: any PatronDirectory
    private let policies: @Sendable (String) -> ApplicationPolicy?
    private let clock: any Clock

    /// Userinfo over the stores and the policy lookup.
    public init(verifier: OwnTokenVerifier, grants: any GrantStore, patrons: any PatronDirectory,
                policies: @escaping @Sendable (String) -> ApplicationPolicy?, clock: any Clock) {
        self.verifier = verifier
        self.grants = grants
        self.patrons = patrons
        self.policies = policies
        self.clock = clock
    }

    /// The bearer token of a request: `Authorization: Bearer …` or the form field
    /// `access_token` — exactly one of them.
    public static func bearerToken(authorization: String?, formToken: String?) throws(OAuthError) -> String {
        var header: String?
        if let authorization {
            guard authorization.lowercased().hasPrefix("bearer "), authorization.utf8.count > 7 else {
                throw OAuthError(.invalidRequest, "Use the Bearer authentication scheme.")
            }
            header = authorization.dropFirst(7).trimmingSpaces
        }
        switch (header, formToken) {
        case (let token?, nil), (nil, let token?): return token
        case (.some, .some): throw OAuthError(.invalidRequest, "Send the access token only once.")
        case (nil, nil):
            var missing = OAuthError(.invalidToken, "An access token is required.")
            missing.lackedCredentials = true
            throw missing
        }
    }

    /// The userinfo claims for `token`.
    public func handle(token: String) throws(OAuthError) -> [String: JSONValue] {
        guard let claims = verifier.accessToken(token, now: clock.now()), case .string(let jti)? = claims["jti"],
              case .string(let clientID)? = claims["client_id"], case .string(let sub)? = claims["sub"],
              let policy = policies(clientID), policy.active else { throw Self.invalidToken("signature, expiry or client") }
        let scopes: Set<String> = if case .string(let scope)? = claims["scope"] { Set(scope.split(separator: " ").map(String.init)) } else { [] }
        guard scopes.contains("openid") else { throw OAuthError(.insufficientScope, "The access token lacks scope openid.") }
        let live: Bool
        let record: PatronRecord?
        do {
            live = try grants.isAccessTokenActive(jti)
            record = live ? try patrons.patron(sub) : nil
        } catch {
            throw OAuthError.unavailable("\(error)")
        }
        guard live else { throw Self.invalidToken("revoked") }
        guard let record, !record.restricted else { throw Self.invalidToken("account gone or restricted") }
        return ClaimAssembler.userinfo(record.claims, policy: ClaimPolicy(policy: policy), scopes: scopes)
    }

    private static func invalidToken(_ detail: String) -> OAuthError {
        OAuthError(.invalidToken, "The access token is invalid, expired or revoked.", detail: detail)
    }
}
