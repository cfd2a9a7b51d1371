import GatewayAccounts
import GatewayCore
import Testing

@Suite struct PatronCalendarDateTests {
    @Test(arguments: ["2024-02-29", "2000-02-29", "1999-12-31", "0001-01-01", "9999-12-31"])
    func existingDatesParseAndPrintBack(text: String) {
        #expect(CalendarDate(iso8601: text)?.iso8601 == text)
    }

    @Test(arguments: ["2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-1-01",
                      "24-01-01", "2024-01-01T00:00:00Z", "2024/01/01", "", "+024-01-01", "２０２４-01-01"])
    func impossibleOrMalformedDatesAreRefused(text: String) {
        #expect(CalendarDate(iso8601: text) == nil)
    }

    @Test(arguments: [
        (0.0, 0, "1970-01-01"), (-1.0, 0, "1969-12-31"), (951_782_400.0, 0, "2000-02-29"),
        (1_782_856_799.0, 7200, "2026-06-30"), (1_782_856_800.0, 7200, "2026-07-01"),
        (1_767_225_600.0, -3600, "2025-12-31"), (253_402_300_799.0, 0, "9999-12-31"),
    ])
    func dateContainingAnInstantHonoursTheOffset(seconds: Double, offset: Int, expected: String) {
        #expect(CalendarDate(containing: Instant(secondsSinceEpoch: seconds), utcOffsetSeconds: offset).iso8601 == expected)
    }

    @Test func datesOrderChronologically() throws {
        let dates = try ["2024-12-31", "2024-02-01", "2025-01-01", "2024-02-29"].map { try #require(CalendarDate(iso8601: $0)) }
        #expect(dates.sorted().map(\.iso8601) == ["2024-02-01", "2024-02-29", "2024-12-31", "2025-01-01"])
    }
}
