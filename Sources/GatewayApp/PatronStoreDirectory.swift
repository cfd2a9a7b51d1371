import GatewayAccounts
import GatewayOAuth
import GatewayTokens

/// The patron facts token issuance needs, read from the patron store. The e-mail address
/// is reported as unverified: the gateway does not confirm addresses (yet), and saying
/// otherwise would be a claim it cannot back.
struct PatronStoreDirectory: PatronDirectory {
    let patrons: any PatronStore

    func patron(_ mylibraryID: String) throws(OAuthStoreError) -> PatronRecord? {
        guard let id = MylibraryID(rawValue: mylibraryID) else { return nil }
        let account: PatronAccount?
        do { account = try patrons.find(mylibraryID: id) } catch { throw .unavailable(detail: "patron store: \(type(of: error))") }
        guard let account else { return nil }
        return PatronRecord(claims: PatronClaimsSource(
            mylibraryID: account.mylibraryID.rawValue, library: account.libraryID, username: account.username.display,
            email: account.email.display, emailVerified: false, processingRestricted: account.status == .restricted))
    }
}
