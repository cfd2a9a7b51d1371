import Foundation
import GatewayCore
import GatewayCrypto
import GatewayJOSE
import GatewayPolicy
import GatewayTesting
import GatewayTokens
import Testing

private let patron = PatronClaimsSource(mylibraryID: "ml-9c1e", library: "bibliotheek-noord", username: "lezer42",
                                        email: "lezer42@example.org", emailVerified: true, processingRestricted: false)
/// Everything a greedy client could ask for.
private let greedy = AuthorizationFacts(requestedScopes: ["openid", "profile", "email", "offline_access", "address"],
                                        requestedClaims: ["email", "preferred_username", "birthdate", "gender"], nonce: "n",
                                        authTime: Instant(secondsSinceEpoch: Date().timeIntervalSince1970), sessionID: "s")

@Suite struct TokenIssuerTests {
    let fixture: TokenTestKeys
    var issuer: TokenIssuer { fixture.issuer }
    var keys: JSONWebKeySet { fixture.keys }

    init() throws { fixture = try TokenTestKeys(prefix: "issuer") }

    private func tokens(for file: String, facts: AuthorizationFacts = greedy,
                        patron: PatronClaimsSource = patron) throws -> (id: VerifiedJWS, access: VerifiedJWS, policy: ApplicationPolicy) {
        let policy = try PolicyParser.loadFile("Policies/\(file).json")
        let issued = try issuer.issue(for: patron, policy: policy, facts: facts)
        return (try JWS.verify(issued.idToken!, keys: keys), try JWS.verify(issued.accessToken, keys: keys), policy)
    }

    @Test func eBooksNeverReceivesUsernameOrEmailWhateverItAsks() throws {
        let (id, access, _) = try tokens(for: "e-books")
        for token in [id, access] {
            #expect(token.claims["preferred_username"] == nil)
            #expect(token.claims["email"] == nil)
            #expect(token.claims["email_verified"] == nil)
            #expect(token.claims["mylibrary_id"] == .string("ml-9c1e"))
            #expect(token.claims["library"] == .string("bibliotheek-noord"))
        }
        #expect(access.claims["scope"] == .string("offline_access openid"))
    }

    @Test func readingTipperReceivesUsernameAndEmail() throws {
        let (id, access, _) = try tokens(for: "reading-tipper")
        for token in [id, access] {
            #expect(token.claims["preferred_username"] == .string("lezer42"))
            #expect(token.claims["email"] == .string("lezer42@example.org"))
            #expect(token.claims["email_verified"] == .bool(true))
        }
    }

    @Test func restrictedPatronLosesTheFunctionalClaimsEverywhere() throws {
        var restricted = patron
        restricted.processingRestricted = true
        let (id, access, _) = try tokens(for: "reading-tipper", patron: restricted)
        for token in [id, access] { #expect(token.claims["email"] == nil && token.claims["preferred_username"] == nil) }
    }

    @Test func idTokenUsesThePolicyAlgorithmAndAccessTokenTheGatewayDefault() throws {
        let tipper = try tokens(for: "reading-tipper")
        #expect(tipper.id.header.algorithm == .es256)
        #expect(tipper.id.header.type == "JWT")
        let ebooks = try tokens(for: "e-books")
        #expect(ebooks.id.header.algorithm == .rs256)
        #expect(ebooks.access.header.algorithm == .es256)
        #expect(ebooks.access.header.type == "at+jwt")
        #expect(ebooks.id.claims["nonce"] == .string("n"))
        #expect(ebooks.id.claims["aud"] == .string("e-books"))
    }

    @Test func lifetimesComeFromThePolicy() throws {
        let (id, access, policy) = try tokens(for: "e-books")
        guard case .number(let iat)? = access.claims["iat"], case .number(let exp)? = access.claims["exp"],
              case .number(let idExp)? = id.claims["exp"] else { Issue.record("missing times"); return }
        #expect(exp - iat == Double(policy.tokenLifetimes.accessTokenSeconds))
        #expect(idExp - iat == Double(policy.tokenLifetimes.idTokenSeconds))
    }

    @Test func missingKeyForThePolicyAlgorithmFailsClosed() throws {
        let bare = TemporaryDirectory(prefix: "issuer-bare")
        try KeyAdministration(directory: bare.path).generate(.es256)
        let lonely = TokenIssuer(signer: TokenSigner(keys: try KeyRingProvider(directory: bare.path)), issuer: "https://x.example",
                                 accessTokenAlgorithm: .es256, random: SecureRandom())
        let policy = try PolicyParser.loadFile("Policies/e-books.json")
        #expect(throws: TokenSigningError.noActiveKey(.rs256)) { try lonely.issue(for: patron, policy: policy, facts: greedy) }
    }
}
