import GatewayAccounts
import GatewayCore
import GatewayCrypto
import GatewayOAuth
import GatewayPolicy
import Testing

private let eBooks = try! PolicyParser.loadFile("Policies/e-books.json")
private let tipper = try! PolicyParser.loadFile("Policies/reading-tipper.json")
private let now = Instant(secondsSinceEpoch: 1_800_000_000)

private func request(_ extra: [(String, String)] = [], policy: ApplicationPolicy = eBooks) throws -> AuthorizationRequest {
    let checks = AuthorizationChecks(policies: { $0 == policy.clientID ? policy : nil })
    let pairs: [(name: String, value: String)] = [
        ("client_id", policy.clientID), ("redirect_uri", policy.redirectURIs[0]), ("response_type", "code"), ("scope", "openid"),
        ("code_challenge", OAuthFixture.challenge), ("code_challenge_method", "S256"),
    ] + extra.map { (name: $0.0, value: $0.1) }
    return try checks.validate(OAuthParameters(pairs))
}

private let session = Session.start(mylibraryID: MylibraryID.generate(using: SecureRandom()), amr: ["pwd"], acr: nil,
                                    at: Instant(secondsSinceEpoch: now.secondsSinceEpoch - 100),
                                    lifetimes: SessionLifetimes(idleSeconds: 3600, absoluteSeconds: 36_000), random: SecureRandom()).session
private let north = AuthorizationDecision.Patron(library: "bibliotheek-noord", restricted: false)
private let consented = ConsentDisclosure(policy: eBooks).fingerprint

/// OIDC Core §3.1.2.3 (authentication, prompt, max_age), §3.1.2.4 (consent).
@Suite struct AuthorizationDecisionTests {
    @Test func withoutASessionThePatronLogsInOrPromptNoneFails() throws {
        #expect(AuthorizationDecision.decide(try request(), session: nil, patron: nil, consentFingerprint: nil, now: now) == .login)
        let none = AuthorizationDecision.decide(try request([("prompt", "none")]), session: nil, patron: nil, consentFingerprint: nil, now: now)
        #expect(none == .error(OAuthError(.loginRequired, "The patron is not logged in.")))
    }

    @Test func aLiveSessionWithConsentGetsACodeWithoutAnyPage() throws {
        #expect(AuthorizationDecision.decide(try request(), session: session, patron: north, consentFingerprint: consented, now: now) == .issueCode)
    }

    @Test func promptLoginAndAnExceededMaxAgeAskForThePasswordAgain() throws {
        for extra in [[("prompt", "login")], [("max_age", "99")]] {
            #expect(AuthorizationDecision.decide(try request(extra), session: session, patron: north, consentFingerprint: consented, now: now) == .login)
        }
        #expect(AuthorizationDecision.decide(try request([("max_age", "100")]), session: session, patron: north, consentFingerprint: consented,
                                             now: now) == .issueCode)
    }

    @Test func consentIsAskedFirstTimeWhenDisclosuresChangeAndOnPromptConsent() throws {
        #expect(AuthorizationDecision.decide(try request(), session: session, patron: north, consentFingerprint: nil, now: now) == .consent)
        #expect(AuthorizationDecision.decide(try request(), session: session, patron: north, consentFingerprint: "old", now: now) == .consent)
        #expect(AuthorizationDecision.decide(try request([("prompt", "consent")]), session: session, patron: north, consentFingerprint: consented,
                                             now: now) == .consent)
        let silent = AuthorizationDecision.decide(try request([("prompt", "none")]), session: session, patron: north, consentFingerprint: nil, now: now)
        #expect(silent == .error(OAuthError(.consentRequired, "The patron has not consented.")))
    }

    @Test func otherLibrariesAndRestrictedPatronsAreRefused() throws {
        let west = AuthorizationDecision.Patron(library: "bibliotheek-west", restricted: false)
        #expect(AuthorizationDecision.decide(try request(), session: session, patron: west, consentFingerprint: consented, now: now)
                == .refuse(.notSubscribed))
        let restricted = AuthorizationDecision.Patron(library: "bibliotheek-noord", restricted: true)
        #expect(AuthorizationDecision.decide(try request(), session: session, patron: restricted, consentFingerprint: consented, now: now)
                == .refuse(.restricted))
    }

    @Test func theConsentPageShowsExactlyWhatThePolicyDiscloses() {
        #expect(ConsentDisclosure(policy: eBooks).claims == ["library", "mylibrary_id"])
        #expect(ConsentDisclosure(policy: eBooks).purpose == nil)
        let functional = ConsentDisclosure(policy: tipper)
        #expect(functional.claims == ["library", "mylibrary_id", "preferred_username", "email"])
        #expect(functional.purpose == tipper.functionalCommunication.purpose && functional.offlineAccess)
        #expect(functional.fingerprint != ConsentDisclosure(policy: eBooks).fingerprint)
    }
}
