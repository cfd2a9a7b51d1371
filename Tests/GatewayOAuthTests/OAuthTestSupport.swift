import Foundation
import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewayJOSE
import GatewayOAuth
import GatewayPolicy
import GatewayTesting
import GatewayTokens
import Synchronization
import Testing

let issuerURL = "https://login.example.org"
let patronID = "lbp4zvvuf3xtwbjuyojpoeyhvu"

/// A patron directory whose patron a test can restrict or erase.
final class TestPatrons: PatronDirectory {
    let state = Mutex<PatronRecord?>(PatronRecord(claims: PatronClaimsSource(
        mylibraryID: patronID, library: "bibliotheek-noord", username: "lezer42", email: "lezer42@example.org", emailVerified: false,
        processingRestricted: false)))

    func patron(_ mylibraryID: String) throws(OAuthStoreError) -> PatronRecord? {
        state.withLock { $0?.claims.mylibraryID == mylibraryID ? $0 : nil }
    }

    func restrict() {
        state.withLock { record in
            guard var claims = record?.claims else { return }
            claims.processingRestricted = true
            record = PatronRecord(claims: claims)
        }
    }
}

/// One provider core over in-memory stores, with real keys and the demo policies plus a
/// confidential client with a known secret.
final class OAuthFixture: Sendable {
    static let secret = "s3cret-of-the-test-client-with-enough-entropy"
    let directory = TemporaryDirectory(prefix: "oauth")
    let clock = ManualClock()
    let codes: InMemoryAuthorizationCodeStore
    let grants: InMemoryGrantStore
    let patrons = TestPatrons()
    let policies: [String: ApplicationPolicy]
    let tokenEndpoint: TokenEndpoint
    let introspection: Introspection
    let revocation: Revocation
    let userinfo: Userinfo
    let verifier: OwnTokenVerifier
    let keys: JSONWebKeySet
    let authenticator: ClientAuthenticator?

    init(graceSeconds: Int = 0) throws {
        let admin = KeyAdministration(directory: directory.path)
        for algorithm in SignatureAlgorithm.allCases { try admin.generate(algorithm, now: Date(timeIntervalSince1970: 1_700_000_000)) }
        let provider = try KeyRingProvider(directory: directory.path)
        let keys = provider.ring().publicKeys(at: Date(timeIntervalSince1970: 1_800_000_000))
        self.keys = keys
        codes = InMemoryAuthorizationCodeStore(clock: clock)
        grants = InMemoryGrantStore(clock: clock)
        let hasher = PasswordHashingPool(hasher: Argon2id(parameters: Argon2Parameters(memoryKiB: 19_456, iterations: 2, parallelism: 1)))
        var all = [String: ApplicationPolicy]()
        for file in ["e-books", "reading-tipper"] { let policy = try PolicyParser.loadFile("Policies/\(file).json"); all[policy.clientID] = policy }
        let confidential = try Self.confidential(hash: try hasher.hash(password: Self.secret), graceSeconds: graceSeconds)
        all[confidential.clientID] = confidential
        let policies = all
        self.policies = policies
        let lookup: @Sendable (String) -> ApplicationPolicy? = { policies[$0] }
        let issuer = TokenIssuer(signer: TokenSigner(keys: provider), issuer: issuerURL, accessTokenAlgorithm: .es256, random: SecureRandom())
        let minter = TokenMinter(issuer: issuer, patrons: patrons, grants: grants, random: SecureRandom())
        let assertions = ClientAssertionVerifier(issuer: issuerURL, endpoints: [issuerURL + "/token"], replay: InMemoryAssertionReplayGuard()) { _ in
            JSONWebKeySet(keys: [])
        }
        let authenticator = ClientAuthenticator(policies: lookup, secrets: ClientSecretVerifier(pool: hasher), assertions: assertions, clock: clock)
        self.authenticator = authenticator
        verifier = OwnTokenVerifier(issuer: issuerURL, accessTokenAlgorithm: .es256) { keys }
        tokenEndpoint = TokenEndpoint(authenticator: authenticator, handlers: [AuthorizationCodeGrant(codes: codes, minter: minter),
                                                                               RefreshTokenGrant(minter: minter)], clock: clock)
        introspection = Introspection(authenticator: authenticator, verifier: verifier, grants: grants, patrons: patrons, issuer: issuerURL,
                                      clock: clock)
        revocation = Revocation(authenticator: authenticator, verifier: verifier, grants: grants, clock: clock)
        userinfo = Userinfo(verifier: verifier, grants: grants, patrons: patrons, policies: lookup, clock: clock)
    }

    deinit { directory.remove() }

    /// A confidential client (`client_secret_post`) allowed every scope, with a functional-communication need.
    static func confidential(hash: String, graceSeconds: Int) throws -> ApplicationPolicy {
        let json = """
            {"client_id": "leesclub", "display_name": "Leesclub", "supplier": "Test B.V.", "client_type": "confidential",
             "token_endpoint_auth_method": "client_secret_post", "client_secret_hash": "\(hash)",
             "redirect_uris": ["https://leesclub.example.org/cb"], "libraries": "*",
             "allowed_scopes": ["openid", "profile", "email", "offline_access"],
             "functional_communication": {"needed": true, "purpose": "Sends the reading club's invitations by e-mail."},
             "id_token_signed_response_alg": "ES256", "refresh_token_reuse_grace_seconds": \(graceSeconds), "active": true}
            """
        return try PolicyParser.parse(Array(json.utf8))
    }

    /// RFC 7636 Appendix B.
    static let verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
    static let challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"

    /// Stores a code as the authorization endpoint would, and returns its value.
    func code(for clientID: String, scopes: [String] = ["openid", "offline_access"], redirectURI: String? = nil,
              grantID: String = SecureRandom().hex(16)) throws -> String {
        let policy = try require_policy(clientID)
        let code = OpaqueToken.generate(using: SecureRandom())
        let record = AuthorizationCode(
            grantID: grantID, clientID: clientID, redirectURI: redirectURI ?? policy.redirectURIs[0], codeChallenge: Self.challenge,
            mylibraryID: patronID, scopes: scopes, requestedClaims: [], nonce: "n-1", authTime: clock.now(), sid: "sid-1", acr: nil,
            issuedAt: clock.now())
        codes.save(record, codeHash: code.hash, ttlSeconds: policy.tokenLifetimes.authorizationCodeSeconds)
        return code.value
    }

    private func require_policy(_ clientID: String) throws -> ApplicationPolicy {
        guard let policy = policies[clientID] else { throw FixtureError.unknownClient }
        return policy
    }

    /// The token request body for `client` (its authentication included).
    func token(_ fields: [(String, String)], client: String) throws(OAuthError) -> TokenResponse {
        try tokenEndpoint.handle(authorization: nil, parameters: OAuthParameters(Self.authenticate(fields, client: client)))
    }

    /// `fields` plus the client authentication of `client` (post or none).
    static func authenticate(_ fields: [(String, String)], client: String) -> [(name: String, value: String)] {
        var all = fields.map { (name: $0.0, value: $0.1) }
        all.append(("client_id", client))
        if client == "leesclub" { all.append(("client_secret", secret)) }
        return all
    }

    /// Exchanges a fresh code of `client`.
    func exchange(client: String, scopes: [String] = ["openid", "offline_access"]) throws -> TokenResponse {
        let policy = try require_policy(client)
        return try token([("grant_type", "authorization_code"), ("code", try code(for: client, scopes: scopes)),
                          ("redirect_uri", policy.redirectURIs[0]), ("code_verifier", Self.verifier)], client: client)
    }

    func introspect(_ token: String, as client: String) throws(OAuthError) -> [String: JSONValue] {
        try introspection.handle(authorization: nil, parameters: OAuthParameters(Self.authenticate([("token", token)], client: client)))
    }
}

enum FixtureError: Error { case unknownClient }

/// The error an expression throws, or nil.
func oauthError(_ body: () throws -> Void) -> OAuthError? {
    do { try body() } catch let error as OAuthError { return error } catch { Issue.record("unexpected \(error)") }
    return nil
}
