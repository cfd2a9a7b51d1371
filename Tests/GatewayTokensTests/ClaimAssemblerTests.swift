import GatewayCore
import GatewayTokens
import Testing

private let patron = PatronClaimsSource(mylibraryID: "ml-7f3a", library: "bibliotheek-noord", username: "lezer42",
                                        email: "lezer42@example.org", emailVerified: true, processingRestricted: false)
private let issuance = IssuanceFacts(issuer: "https://login.example.org", now: Instant(secondsSinceEpoch: 1_800_000_000.7),
                                     lifetimeSeconds: 600, tokenID: "jti-1")
private let personal: Set<String> = ["preferred_username", "email", "email_verified"]
private let allowedEverything: Set<String> = ["openid", "profile", "email", "offline_access"]

/// Every combination of: functional need, restriction, requested scopes, `claims`
/// parameter, and what the policy allows.
private struct Case: Sendable, CustomTestStringConvertible {
    let needed: Bool
    let restricted: Bool
    let scopes: Set<String>
    let claimsParameter: Set<String>
    let allowed: Set<String>
    var testDescription: String { "needed=\(needed) restricted=\(restricted) scopes=\(scopes.sorted()) claims=\(claimsParameter.sorted()) allowed=\(allowed.sorted())" }

    /// The rule, stated independently of the implementation.
    var expectedPersonal: Set<String> {
        guard needed, !restricted else { return [] }
        var expected: Set<String> = []
        if scopes.contains("profile"), allowed.contains("profile") { expected.insert("preferred_username") }
        if scopes.contains("email"), allowed.contains("email") { expected.formUnion(["email", "email_verified"]) }
        return expected
    }
}

private let cases: [Case] = {
    let scopeSets: [Set<String>] = [["openid"], ["openid", "profile"], ["openid", "email"], ["openid", "profile", "email", "offline_access"]]
    let claimSets: [Set<String>] = [[], ["email", "preferred_username", "birthdate", "address"]]
    let allowedSets: [Set<String>] = [["openid", "offline_access"], allowedEverything]
    var all: [Case] = []
    for needed in [false, true] {
        for restricted in [false, true] {
            for scopes in scopeSets {
                for claims in claimSets {
                    for allowed in allowedSets {
                        all.append(Case(needed: needed, restricted: restricted, scopes: scopes, claimsParameter: claims, allowed: allowed))
                    }
                }
            }
        }
    }
    return all
}()

private func claimNames(_ claims: [String: JSONValue]) -> Set<String> { Set(claims.keys) }

@Suite struct ClaimAssemblerTests {
    @Test(arguments: cases)
    private func everyArtefactReleasesExactlyWhatThePolicyAllows(_ testCase: Case) {
        var source = patron
        source.processingRestricted = testCase.restricted
        let policy = ClaimPolicy(clientID: "app", functionalCommunicationNeeded: testCase.needed, allowedScopes: testCase.allowed)
        let facts = AuthorizationFacts(requestedScopes: testCase.scopes, requestedClaims: testCase.claimsParameter, nonce: "n-1",
                                       authTime: Instant(secondsSinceEpoch: 1_799_999_000), sessionID: "sid-1")
        let granted = ClaimAssembler.grantedScopes(facts, policy: policy)
        let artefacts = [
            ClaimAssembler.idToken(source, policy: policy, facts: facts, issuance: issuance),
            ClaimAssembler.accessToken(source, policy: policy, facts: facts, issuance: issuance),
            ClaimAssembler.userinfo(source, policy: policy, scopes: testCase.scopes),
            ClaimAssembler.introspection(source, policy: policy, scopes: granted, issuance: issuance, tokenType: "access_token"),
        ]
        for claims in artefacts {
            #expect(claimNames(claims).intersection(personal) == testCase.expectedPersonal)
            #expect(claims["sub"] == .string("ml-7f3a"))
            #expect(claims["mylibrary_id"] == .string("ml-7f3a"))
            #expect(claims["library"] == .string("bibliotheek-noord"))
            #expect(claimNames(claims).isSubset(of: Self.permitted))
        }
    }

    /// Patron-identifying claims plus technical claims: nothing else may ever appear.
    static let permitted: Set<String> = [
        "sub", "mylibrary_id", "library", "preferred_username", "email", "email_verified",
        "iss", "aud", "exp", "iat", "nbf", "jti", "auth_time", "nonce", "azp", "client_id", "scope", "acr", "sid",
        "active", "token_type",
    ]

    @Test func idTokenCarriesOIDCTechnicalClaims() {
        let policy = ClaimPolicy(clientID: "reading-tipper", functionalCommunicationNeeded: true, allowedScopes: allowedEverything)
        let facts = AuthorizationFacts(requestedScopes: ["openid", "email"], nonce: "abc", authTime: Instant(secondsSinceEpoch: 1_799_999_000.9),
                                       sessionID: "s1", acr: "1")
        let claims = ClaimAssembler.idToken(patron, policy: policy, facts: facts, issuance: issuance)
        #expect(claims["iss"] == .string("https://login.example.org"))
        #expect(claims["aud"] == .string("reading-tipper"))
        #expect(claims["azp"] == .string("reading-tipper"))
        #expect(claims["iat"] == .number(1_800_000_000))
        #expect(claims["exp"] == .number(1_800_000_600))
        #expect(claims["auth_time"] == .number(1_799_999_000))
        #expect(claims["nonce"] == .string("abc"))
        #expect(claims["sid"] == .string("s1"))
        #expect(claims["email"] == .string("lezer42@example.org"))
        #expect(claims["preferred_username"] == nil)
    }

    @Test func accessTokenScopeIsTheGrantedIntersection() {
        let policy = ClaimPolicy(clientID: "e-books", functionalCommunicationNeeded: false, allowedScopes: ["openid", "offline_access"])
        let facts = AuthorizationFacts(requestedScopes: ["openid", "email", "profile", "offline_access"], authTime: issuance.now)
        let claims = ClaimAssembler.accessToken(patron, policy: policy, facts: facts, issuance: issuance)
        #expect(claims["scope"] == .string("offline_access openid"))
        #expect(claims["client_id"] == .string("e-books"))
        #expect(claims["email"] == nil)
    }

    @Test func accessTokenPayloadIsExactlyTheSortedCompactClaimSet() {
        let policy = ClaimPolicy(clientID: "reading-tipper", functionalCommunicationNeeded: true, allowedScopes: allowedEverything)
        let facts = AuthorizationFacts(requestedScopes: ["openid", "profile", "email"], authTime: Instant(secondsSinceEpoch: 1_799_999_000.9),
                                       sessionID: "s1", acr: "1")
        let claims = ClaimAssembler.accessToken(patron, policy: policy, facts: facts, issuance: issuance)
        let expected = #"{"acr":"1","aud":"reading-tipper","auth_time":1799999000,"client_id":"reading-tipper","#
            + #""email":"lezer42@example.org","email_verified":true,"exp":1800000600,"iat":1800000000,"#
            + #""iss":"https://login.example.org","jti":"jti-1","library":"bibliotheek-noord","mylibrary_id":"ml-7f3a","#
            + #""nbf":1800000000,"preferred_username":"lezer42","scope":"email openid profile","sid":"s1","sub":"ml-7f3a"}"#
        #expect(JSONValue.object(claims).serializedBytes == Array(expected.utf8))
    }

    @Test func introspectionCarriesActiveAndTokenType() {
        let policy = ClaimPolicy(clientID: "e-books", functionalCommunicationNeeded: false, allowedScopes: ["openid", "offline_access"])
        let claims = ClaimAssembler.introspection(patron, policy: policy, scopes: ["openid", "email"], issuance: issuance,
                                                  tokenType: "access_token")
        #expect(Set(claims.keys) == ["sub", "mylibrary_id", "library", "iss", "aud", "iat", "nbf", "exp", "jti",
                                     "active", "client_id", "scope", "token_type"])
        #expect(claims["active"] == .bool(true))
        #expect(claims["scope"] == .string("openid"))
        #expect(claims["token_type"] == .string("access_token"))
    }
}
