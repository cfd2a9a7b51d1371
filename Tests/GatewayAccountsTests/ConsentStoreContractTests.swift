import GatewayAccounts
import GatewayCore
import Testing

/// What every `ConsentStore` promises, checked against the in-memory and the SQLite store.
@Suite struct ConsentStoreContractTests {
    @Test(arguments: ConsentStoreKind.allCases)
    func noConsentUntilOneIsRecorded(kind: ConsentStoreKind) throws {
        let harness = try ConsentHarness(kind)
        let patron = try harness.patron()
        #expect(try harness.store.consent(mylibraryID: patron, clientID: "reading-tipper") == nil)
        #expect(try harness.store.consents(for: patron).isEmpty)
        #expect(try harness.store.withdraw(mylibraryID: patron, clientID: "reading-tipper") == false)
    }

    @Test(arguments: ConsentStoreKind.allCases)
    func recordedConsentIsFoundExactlyAsGiven(kind: ConsentStoreKind) throws {
        let harness = try ConsentHarness(kind)
        let patron = try harness.patron()
        let consent = ConsentHarness.consent("reading-tipper", "3f9a0c")
        try harness.store.record(consent, for: patron)
        #expect(try harness.store.consent(mylibraryID: patron, clientID: "reading-tipper") == consent)
        #expect(try harness.store.consents(for: patron) == [consent])
    }

    @Test(arguments: ConsentStoreKind.allCases)
    func recordingAgainReplacesFingerprintAndTime(kind: ConsentStoreKind) throws {
        let harness = try ConsentHarness(kind)
        let patron = try harness.patron()
        try harness.store.record(ConsentHarness.consent("reading-tipper", "old"), for: patron)
        let renewed = ConsentHarness.consent("reading-tipper", "new", at: 3_600.5)
        try harness.store.record(renewed, for: patron)
        #expect(try harness.store.consent(mylibraryID: patron, clientID: "reading-tipper") == renewed)
        #expect(try harness.store.consents(for: patron) == [renewed])
    }

    @Test(arguments: ConsentStoreKind.allCases)
    func consentsAreListedByClientIDForOnePatronOnly(kind: ConsentStoreKind) throws {
        let harness = try ConsentHarness(kind)
        let patron = try harness.patron(), other = try harness.patron()
        for clientID in ["reading-tipper", "e-books", "loans"] { try harness.store.record(ConsentHarness.consent(clientID), for: patron) }
        try harness.store.record(ConsentHarness.consent("agenda"), for: other)
        #expect(try harness.store.consents(for: patron).map(\.clientID) == ["e-books", "loans", "reading-tipper"])
        #expect(try harness.store.consents(for: other).map(\.clientID) == ["agenda"])
        #expect(try harness.store.consent(mylibraryID: other, clientID: "e-books") == nil)
    }

    @Test(arguments: ConsentStoreKind.allCases)
    func withdrawingRemovesOnlyThatConsentAndSaysWhetherThereWasOne(kind: ConsentStoreKind) throws {
        let harness = try ConsentHarness(kind)
        let patron = try harness.patron(), other = try harness.patron()
        try harness.store.record(ConsentHarness.consent("reading-tipper"), for: patron)
        try harness.store.record(ConsentHarness.consent("e-books"), for: patron)
        try harness.store.record(ConsentHarness.consent("reading-tipper"), for: other)
        #expect(try harness.store.withdraw(mylibraryID: patron, clientID: "reading-tipper"))
        #expect(try !harness.store.withdraw(mylibraryID: patron, clientID: "reading-tipper"))
        #expect(try harness.store.consents(for: patron).map(\.clientID) == ["e-books"])
        #expect(try harness.store.consent(mylibraryID: other, clientID: "reading-tipper") != nil)
    }
}
