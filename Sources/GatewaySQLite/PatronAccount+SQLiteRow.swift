import GatewayAccounts
import GatewayCore

extension PatronAccount {
    /// The values of `PatronSQL.columns`, in order.
    var sqliteValues: [SQLiteValue] {
        [
            .text(mylibraryID.rawValue), .text(username.display), .text(username.normalized), .text(email.display),
            .text(email.normalized), .text(passwordHash), .text(libraryID), .text(membershipReference),
            SQLiteValue(municipality), SQLiteValue(birthDate?.iso8601), SQLiteValue(gender?.rawValue),
            SQLiteValue(directMarketingOptIn), .text(language.rawValue), .real(createdAt.secondsSinceEpoch),
            lastLoginAt.map { .real($0.secondsSinceEpoch) } ?? .null, .text(status.rawValue),
        ]
    }

    /// The account in a row of `PatronSQL.columns`.
    /// - Throws: `PatronRowError` when a column holds something the schema's checks
    ///   should have prevented (a database edited by hand, or a bug).
    init(sqliteRow row: SQLiteRow) throws(PatronRowError) {
        func text(_ column: String) throws(PatronRowError) -> String {
            guard let value = row.string(column) else { throw PatronRowError(column: column) }
            return value
        }
        func optional<T>(_ column: String, _ parse: (String) -> T?) throws(PatronRowError) -> T? {
            guard let value = row.string(column) else { return nil }
            guard let parsed = parse(value) else { throw PatronRowError(column: column) }
            return parsed
        }
        guard let id = MylibraryID(rawValue: try text("mylibrary_id")) else { throw PatronRowError(column: "mylibrary_id") }
        guard let language = PatronLanguage(rawValue: try text("language")) else { throw PatronRowError(column: "language") }
        guard let status = PatronStatus(rawValue: try text("status")) else { throw PatronRowError(column: "status") }
        guard let optIn = row.bool("direct_marketing_opt_in") else { throw PatronRowError(column: "direct_marketing_opt_in") }
        guard let created = row.double("created_at") else { throw PatronRowError(column: "created_at") }
        self.init(
            mylibraryID: id,
            username: Username(display: try text("username"), normalized: try text("username_normalized")),
            email: EmailAddress(display: try text("email"), normalized: try text("email_normalized")),
            passwordHash: try text("password_hash"), libraryID: try text("library_id"),
            membershipReference: try text("membership_reference"), createdAt: Instant(secondsSinceEpoch: created),
            municipality: row.string("municipality"), birthDate: try optional("birth_date", CalendarDate.init(iso8601:)),
            gender: try optional("gender", PatronGender.init(rawValue:)), directMarketingOptIn: optIn,
            language: language, lastLoginAt: row.double("last_login_at").map(Instant.init(secondsSinceEpoch:)),
            status: status)
    }
}
