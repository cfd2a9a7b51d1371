import GatewayAccounts
import GatewayCore
import GatewaySQLite
import Testing

/// What only the SQLite consent store has: consents tied to the patron's account.
@Suite struct ConsentSQLiteStoreTests {
    @Test func erasingTheAccountErasesItsConsents() throws {
        let harness = try ConsentHarness(.sqlite)
        let database = try #require(harness.database)
        let patron = try harness.patron(), other = try harness.patron()
        try harness.store.record(ConsentHarness.consent("reading-tipper"), for: patron)
        try harness.store.record(ConsentHarness.consent("reading-tipper"), for: other)
        #expect(try SQLitePatronStore(database: database).delete(mylibraryID: patron))
        #expect(try harness.store.consents(for: patron).isEmpty)
        #expect(try harness.store.consents(for: other).count == 1)
        let rows = try database.withConnection { try $0.query("SELECT count(*) AS n FROM consents").first?.int("n") }
        #expect(rows == 1)
    }

    @Test func consentOfAnUnknownPatronIsRefused() throws {
        let harness = try ConsentHarness(.sqlite)
        let stranger = try #require(MylibraryID(rawValue: "aaaaaaaaaaaaaaaaaaaaaaaaaa"))
        #expect(throws: ConsentStoreError.self) { try harness.store.record(ConsentHarness.consent("e-books"), for: stranger) }
        #expect(try harness.store.consents(for: stranger).isEmpty)
    }

    @Test func brokenStoreIsUnavailable() throws {
        let harness = try ConsentHarness(.sqlite)
        let patron = try harness.patron()
        try harness.database?.withConnection { try $0.execute("DROP TABLE consents") }
        let error = #expect(throws: ConsentStoreError.self) { try harness.store.consents(for: patron) }
        #expect(error.map { if case .unavailable = $0 { true } else { false } } == true)
        #expect(error.map { !"\($0)".contains(patron.rawValue) } == true, "errors carry no patron")
    }
}
