import Foundation
import GatewayCore
import GatewayCrypto
import GatewayJOSE
import GatewayPolicy
import GatewayTesting
import GatewayTokens
import Testing

/// A policy parsed from JSON, as an admin would write it. `needed: true` with `profile` and
/// `email` allowed is the most a policy can release, so nothing below depends on the demo
/// policies being modest.
private func policy(clientID: String, algorithm: String) throws -> ApplicationPolicy {
    let json = """
        {"client_id": "\(clientID)", "display_name": "App", "supplier": "Supplier B.V.",
         "client_type": "confidential", "token_endpoint_auth_method": "client_secret_basic",
         "redirect_uris": ["https://app.example/callback"],
         "backchannel_logout_uri": "https://app.example/backchannel-logout",
         "libraries": "*", "allowed_scopes": ["openid", "profile", "email"],
         "functional_communication": {"needed": true, "purpose": "Sends you reminders by e-mail."},
         "id_token_signed_response_alg": "\(algorithm)"}
        """
    return try PolicyParser.parse(Array(json.utf8))
}

private let logoutEvents = JSONValue.object(["http://schemas.openid.net/event/backchannel-logout": .object([:])])

@Suite struct LogoutTokenTests {
    let fixture: TokenTestKeys
    var issuer: TokenIssuer { fixture.issuer }
    var keys: JSONWebKeySet { fixture.keys }

    init() throws { fixture = try TokenTestKeys(prefix: "logout-token") }

    @Test func claimSetIsExactlyWhatBackChannelLogoutDefines() {
        let issuance = IssuanceFacts(issuer: "https://login.example.org", now: Instant(secondsSinceEpoch: 1_800_000_000.7),
                                     lifetimeSeconds: 120, tokenID: "jti-1")
        let claims = ClaimAssembler.logoutToken(mylibraryID: "ml-7f3a", sessionID: "sid-1", audience: "reading-tipper",
                                                issuance: issuance)
        let expected = #"{"aud":"reading-tipper","events":{"http://schemas.openid.net/event/backchannel-logout":{}},"#
            + #""exp":1800000120,"iat":1800000000,"iss":"https://login.example.org","jti":"jti-1","sid":"sid-1","sub":"ml-7f3a"}"#
        #expect(JSONValue.object(claims).serializedBytes == Array(expected.utf8))
    }

    @Test func unknownSessionLeavesOutSidButKeepsSub() {
        let issuance = IssuanceFacts(issuer: "https://login.example.org", now: Instant(secondsSinceEpoch: 1_800_000_000),
                                     lifetimeSeconds: 120, tokenID: "jti-2")
        let claims = ClaimAssembler.logoutToken(mylibraryID: "ml-7f3a", sessionID: nil, audience: "e-books", issuance: issuance)
        #expect(Set(claims.keys) == ["iss", "aud", "iat", "exp", "jti", "sub", "events"])
    }

    @Test func functionalCommunicationAppReceivesNoPersonalDataButTheMylibraryID() throws {
        let app = try policy(clientID: "mailing-app", algorithm: "ES256")
        let token = try issuer.logoutToken(mylibraryID: "ml-9c1e", sid: "0123abcd", policy: app)
        let verified = try JWS.verify(token, keys: keys)
        #expect(Set(verified.claims.keys) == ["iss", "aud", "iat", "exp", "jti", "sub", "sid", "events"])
        #expect(verified.claims["sub"] == .string("ml-9c1e"))
        #expect(verified.claims["aud"] == .string("mailing-app"))
        #expect(verified.claims["sid"] == .string("0123abcd"))
        #expect(verified.claims["iss"] == .string("https://login.example.org"))
        #expect(verified.claims["events"] == logoutEvents)
        #expect(verified.claims["nonce"] == nil)
    }

    @Test(arguments: [("RS256", SignatureAlgorithm.rs256), ("ES256", .es256), ("EdDSA", .edDSA)])
    func signedWithThePolicyIDTokenAlgorithmAndTypedLogoutJWT(_ name: String, _ algorithm: SignatureAlgorithm) throws {
        let token = try issuer.logoutToken(mylibraryID: "ml-9c1e", sid: "s", policy: try policy(clientID: "app", algorithm: name))
        let verified = try JWS.verify(token, keys: keys, allowed: [algorithm])
        #expect(verified.header.algorithm == algorithm)
        #expect(verified.header.type == "logout+jwt")
        #expect(TokenSigner.logoutTokenType == "logout+jwt")
    }

    @Test func lifetimeIsShortAndIdentifiersAreFresh() throws {
        let app = try policy(clientID: "app", algorithm: "ES256")
        let first = try JWS.verify(try issuer.logoutToken(mylibraryID: "ml-1", sid: "s", policy: app), keys: keys)
        let second = try JWS.verify(try issuer.logoutToken(mylibraryID: "ml-1", sid: "s", policy: app), keys: keys)
        guard case .number(let iat)? = first.claims["iat"], case .number(let exp)? = first.claims["exp"] else {
            Issue.record("missing times")
            return
        }
        #expect(exp - iat == Double(TokenIssuer.logoutTokenLifetimeSeconds))
        #expect(TokenIssuer.logoutTokenLifetimeSeconds <= 120)
        #expect(first.claims["jti"] != second.claims["jti"])
    }

    @Test func missingKeyForThePolicyAlgorithmFailsClosed() throws {
        let bare = TemporaryDirectory(prefix: "logout-token-bare")
        defer { bare.remove() }
        try KeyAdministration(directory: bare.path).generate(.es256)
        let lonely = TokenIssuer(signer: TokenSigner(keys: try KeyRingProvider(directory: bare.path)), issuer: "https://x.example",
                                 accessTokenAlgorithm: .es256, random: SecureRandom())
        let app = try policy(clientID: "app", algorithm: "EdDSA")
        #expect(throws: TokenSigningError.noActiveKey(.edDSA)) { try lonely.logoutToken(mylibraryID: "ml-1", sid: "s", policy: app) }
    }
}
