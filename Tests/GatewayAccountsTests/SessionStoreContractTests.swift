import GatewayAccounts
import GatewayCore
import Testing

/// What every `SessionStore` promises, checked against the in-memory and the Redis store.
@Suite struct SessionStoreContractTests {
    @Test(arguments: SessionBackend.allCases)
    func createdSessionHoldsPatronTimesAndSecrets(backend: SessionBackend) throws {
        let harness = try SessionHarness(backend)
        let patron = SessionHarness.patron()
        let created = try harness.store.create(
            mylibraryID: patron, amr: ["pwd"], acr: "urn:mylibrary:acr:password", replacing: nil)
        let now = harness.clock.now()

        let found = try #require(try harness.store.find(created.id))
        #expect(found == created.session)
        #expect(found.mylibraryID == patron)
        #expect(found.createdAt == now && found.authTime == now && found.lastSeenAt == now)
        #expect(found.expiresAt.secondsSinceEpoch == now.secondsSinceEpoch + 1_000)
        #expect(found.csrfSecret.count == 64 && found.sid.count == 32 && found.clientIDs.isEmpty)
        #expect(found.amr == ["pwd"] && found.acr == "urn:mylibrary:acr:password")
        #expect(found.sid != created.id.cookieValue && found.csrfSecret != created.id.cookieValue)
    }

    @Test(arguments: SessionBackend.allCases)
    func everyLoginGetsAFreshSessionID(backend: SessionBackend) throws {
        let harness = try SessionHarness(backend)
        let patron = SessionHarness.patron()
        let first = try harness.login(patron)
        let second = try harness.login(patron)
        #expect(first.id != second.id)
        #expect(first.session.sid != second.session.sid && first.session.csrfSecret != second.session.csrfSecret)
        #expect(try harness.store.find(first.id) != nil)
        #expect(try harness.store.find(second.id) != nil)
    }

    @Test(arguments: SessionBackend.allCases)
    func loginRetiresThePreLoginSessionAndNeverReusesItsID(backend: SessionBackend) throws {
        let harness = try SessionHarness(backend)
        let preLogin = try harness.store.createPreLogin()
        let created = try harness.store.create(
            mylibraryID: SessionHarness.patron(), amr: ["pwd"], acr: nil, replacing: preLogin.id)
        #expect(created.id != preLogin.id)
        #expect(try harness.store.findPreLogin(preLogin.id) == nil)
        #expect(try harness.store.find(preLogin.id) == nil, "the pre-login id does not open the new session")
    }

    @Test(arguments: SessionBackend.allCases)
    func preLoginAndLoggedInSessionsAreNeverMistakenForEachOther(backend: SessionBackend) throws {
        let harness = try SessionHarness(backend)
        let preLogin = try harness.store.createPreLogin()
        let loggedIn = try harness.login(SessionHarness.patron())
        #expect(try harness.store.findPreLogin(preLogin.id) == preLogin.session)
        #expect(try harness.store.find(preLogin.id) == nil)
        #expect(try harness.store.findPreLogin(loggedIn.id) == nil)
        #expect(preLogin.session.csrfSecret.count == 64)
    }

    @Test(arguments: SessionBackend.allCases)
    func eachUseRestartsTheIdleTimeout(backend: SessionBackend) throws {
        let harness = try SessionHarness(backend)
        let created = try harness.login(SessionHarness.patron())
        harness.clock.advance(by: 500)
        let touched = try #require(try harness.store.find(created.id))
        #expect(touched.lastSeenAt == harness.clock.now())
        #expect(touched.createdAt == created.session.createdAt)
        harness.clock.advance(by: 400)
        #expect(try harness.store.find(created.id) != nil, "900 s after login, 400 s after its last use")
    }

    @Test(arguments: SessionBackend.allCases)
    func sessionUnusedForTheIdleTimeoutIsGone(backend: SessionBackend) throws {
        let harness = try SessionHarness(backend)
        let used = try harness.login(SessionHarness.patron())
        let unused = try harness.login(SessionHarness.patron())
        harness.clock.advance(by: 599)
        #expect(try harness.store.find(used.id) != nil)
        harness.clock.advance(by: 1)
        #expect(try harness.store.find(unused.id) == nil, "600 s without use")
        #expect(try !harness.store.addClient("catalogue", to: unused.id))
        #expect(try harness.store.find(used.id) != nil, "used 1 s ago")
    }

    @Test(arguments: SessionBackend.allCases)
    func absoluteLifetimeEndsEvenABusySession(backend: SessionBackend) throws {
        let harness = try SessionHarness(backend)
        let created = try harness.login(SessionHarness.patron())
        for _ in 0..<3 {
            harness.clock.advance(by: 300)
            #expect(try harness.store.find(created.id) != nil)
        }
        harness.clock.advance(by: 100)
        #expect(try harness.store.find(created.id) == nil, "1000 s after login, last used 100 s ago")
    }

    @Test(arguments: SessionBackend.allCases)
    func addClientRecordsEachClientOnce(backend: SessionBackend) throws {
        let harness = try SessionHarness(backend)
        let created = try harness.login(SessionHarness.patron())
        for client in ["catalogue", "ebooks", "catalogue"] {
            #expect(try harness.store.addClient(client, to: created.id))
        }
        #expect(try harness.store.find(created.id)?.clientIDs == ["catalogue", "ebooks"])
    }

    @Test(arguments: SessionBackend.allCases)
    func deleteEndsTheSessionAndReturnsWhatItHeld(backend: SessionBackend) throws {
        let harness = try SessionHarness(backend)
        let created = try harness.login(SessionHarness.patron())
        _ = try harness.store.addClient("catalogue", to: created.id)
        let deleted = try #require(try harness.store.delete(created.id))
        #expect(deleted.clientIDs == ["catalogue"] && deleted.mylibraryID == created.session.mylibraryID)
        #expect(try harness.store.find(created.id) == nil)
        #expect(try harness.store.delete(created.id) == nil)
        #expect(try !harness.store.addClient("ebooks", to: created.id))
    }

    @Test(arguments: SessionBackend.allCases)
    func deleteAllEndsEverySessionOfThePatronAndReturnsTheirClients(backend: SessionBackend) throws {
        let harness = try SessionHarness(backend)
        let patron = SessionHarness.patron()
        let other = SessionHarness.patron()
        let sessions = try (0..<3).map { _ in try harness.login(patron) }
        for (session, client) in zip(sessions, ["catalogue", "ebooks", "catalogue"]) {
            _ = try harness.store.addClient(client, to: session.id)
        }
        _ = try harness.store.addClient("events", to: sessions[2].id)
        let bystander = try harness.login(other)
        _ = try harness.store.addClient("makerspace", to: bystander.id)

        #expect(try harness.store.deleteAll(for: patron) == ["catalogue", "ebooks", "events"])
        for session in sessions { #expect(try harness.store.find(session.id) == nil) }
        #expect(try harness.store.find(bystander.id)?.clientIDs == ["makerspace"])
        #expect(try harness.store.deleteAll(for: patron).isEmpty)
    }

    @Test(arguments: SessionBackend.allCases)
    func preLoginSessionEndsAfterItsLifetime(backend: SessionBackend) throws {
        let harness = try SessionHarness(backend)
        let preLogin = try harness.store.createPreLogin()
        harness.clock.advance(by: 299)
        #expect(try harness.store.findPreLogin(preLogin.id) != nil)
        harness.clock.advance(by: 1)
        #expect(try harness.store.findPreLogin(preLogin.id) == nil)
    }

    @Test(arguments: SessionBackend.allCases)
    func deletedPreLoginSessionIsGone(backend: SessionBackend) throws {
        let harness = try SessionHarness(backend)
        let preLogin = try harness.store.createPreLogin()
        try harness.store.deletePreLogin(preLogin.id)
        #expect(try harness.store.findPreLogin(preLogin.id) == nil)
    }
}
