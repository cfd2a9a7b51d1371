import Dispatch
import GatewayAccounts
import GatewayCore
import Synchronization
import Testing

/// The behaviour every `PatronStore` shares, run against each implementation.
@Suite struct PatronStoreContractTests {
    @Test(arguments: PatronStoreKind.allCases)
    func createdAccountIsFoundByEveryKey(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            let account = try PatronFixtures.account()
            try store.create(account)
            #expect(try store.find(mylibraryID: account.mylibraryID) == account)
            #expect(try store.find(normalizedUsername: "jan") == account)
            #expect(try store.find(normalizedEmail: "jan@example.org") == account)
            #expect(try store.find(libraryID: "bibliotheek-noord", membershipReference: "N100001") == account)
            #expect(try store.isMylibraryIDEverUsed(account.mylibraryID))
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func unknownKeysFindNothing(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            try store.create(try PatronFixtures.account())
            #expect(try store.find(mylibraryID: PatronFixtures.account().mylibraryID) == nil)
            #expect(try store.find(normalizedUsername: "piet") == nil)
            #expect(try store.find(normalizedEmail: "piet@example.org") == nil)
            #expect(try store.find(libraryID: "bibliotheek-zuid", membershipReference: "N100001") == nil)
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func everyFieldRoundTrips(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            let account = try PatronFixtures.fullAccount()
            try store.create(account)
            let found = try #require(try store.find(mylibraryID: account.mylibraryID))
            #expect(found == account)
            #expect(found.username.display == "Marieke.de-Vries")
            #expect(found.email.display == "Marieke@Example.ORG")
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func newAccountHasPrivacyFriendlyDefaults(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            let account = try PatronFixtures.account()
            try store.create(account)
            let found = try #require(try store.find(mylibraryID: account.mylibraryID))
            #expect(found.directMarketingOptIn == false)
            #expect(found.language == .dutch)
            #expect(found.status == .active)
            #expect(found.lastLoginAt == nil)
            #expect(found.municipality == nil && found.birthDate == nil && found.gender == nil)
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func usernameIsUniqueAcrossCaseAndWidth(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            try store.create(try PatronFixtures.account(username: "Jan"))
            for (index, variant) in ["jan", "JAN", "ｊａｎ", "ＪＡＮ", " Jan "].enumerated() {
                let clash = try PatronFixtures.account(username: variant, email: "other\(index)@example.org",
                                                       reference: "N20000\(index)")
                #expect(throws: PatronStoreError.usernameTaken) { try store.create(clash) }
            }
            #expect(try store.find(normalizedUsername: UsernameRules.normalize("ＪＡＮ"))?.username.display == "Jan")
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func emailIsUniqueIgnoringCase(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            try store.create(try PatronFixtures.account(email: "Jan.Jansen@Example.org"))
            let clash = try PatronFixtures.account(username: "piet", email: "jan.jansen@EXAMPLE.ORG", reference: "N2")
            #expect(throws: PatronStoreError.emailTaken) { try store.create(clash) }
            #expect(try store.find(normalizedEmail: EmailRules.normalize("JAN.JANSEN@example.org")) != nil)
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func membershipLinksToOneAccountOnly(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            try store.create(try PatronFixtures.account(reference: "N100001"))
            let second = try PatronFixtures.account(username: "piet", email: "piet@example.org", reference: "N100001")
            #expect(throws: PatronStoreError.membershipAlreadyLinked) { try store.create(second) }
            // The same reference at another library is another membership.
            let elsewhere = try PatronFixtures.account(
                username: "piet", email: "piet@example.org", library: "bibliotheek-zuid", reference: "N100001")
            try store.create(elsewhere)
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func reusedMylibraryIDIsRefused(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            let first = try PatronFixtures.account()
            try store.create(first)
            let second = try PatronFixtures.account(username: "piet", email: "piet@example.org", reference: "N2",
                                                    id: first.mylibraryID)
            #expect(throws: PatronStoreError.mylibraryIDTaken) { try store.create(second) }
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func firstBrokenRuleIsReportedInDocumentedOrder(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            let first = try PatronFixtures.account()
            try store.create(first)
            let everything = try PatronFixtures.account(id: first.mylibraryID)
            #expect(throws: PatronStoreError.mylibraryIDTaken) { try store.create(everything) }
            let allButID = try PatronFixtures.account()
            #expect(throws: PatronStoreError.usernameTaken) { try store.create(allButID) }
            let emailAndMembership = try PatronFixtures.account(username: "piet")
            #expect(throws: PatronStoreError.emailTaken) { try store.create(emailAndMembership) }
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func refusedCreateStoresNothing(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            try store.create(try PatronFixtures.account())
            let refused = try PatronFixtures.account(username: "piet", email: "piet@example.org", reference: "N100001")
            #expect(throws: PatronStoreError.membershipAlreadyLinked) { try store.create(refused) }
            #expect(try store.isMylibraryIDEverUsed(refused.mylibraryID) == false)
            #expect(try store.find(normalizedUsername: "piet") == nil)
            #expect(try store.find(normalizedEmail: "piet@example.org") == nil)
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func erasureKeepsOnlyTheIDTombstone(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            let account = try PatronFixtures.account()
            try store.create(account)
            #expect(try store.delete(mylibraryID: account.mylibraryID))
            #expect(try store.find(mylibraryID: account.mylibraryID) == nil)
            #expect(try store.find(normalizedUsername: "jan") == nil)
            #expect(try store.isMylibraryIDEverUsed(account.mylibraryID))
            // The username, address and membership are free again; the id is not.
            let again = try PatronFixtures.account(id: account.mylibraryID)
            #expect(throws: PatronStoreError.mylibraryIDTaken) { try store.create(again) }
            try store.create(try PatronFixtures.account())
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func erasingAnUnknownAccountReportsFalse(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            let never = try PatronFixtures.account()
            #expect(try store.delete(mylibraryID: never.mylibraryID) == false)
            #expect(try store.isMylibraryIDEverUsed(never.mylibraryID) == false)
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func lastLoginIsRecorded(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            let account = try PatronFixtures.account()
            try store.create(account)
            let login = Instant(secondsSinceEpoch: 1_780_003_600.125)
            try store.updateLastLogin(mylibraryID: account.mylibraryID, at: login)
            let found = try #require(try store.find(mylibraryID: account.mylibraryID))
            #expect(found.lastLoginAt == login)
            #expect(found.createdAt == account.createdAt)
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func passwordHashIsReplaced(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            let account = try PatronFixtures.account()
            try store.create(account)
            let rehashed = "$argon2id$v=19$m=65536,t=3,p=4$bmV3c2FsdG5ld3NhbHQ$bmV3aGFzaG5ld2hhc2huZXdoYXNobmV3aGFzaA"
            try store.updatePasswordHash(mylibraryID: account.mylibraryID, to: rehashed)
            #expect(try store.find(mylibraryID: account.mylibraryID)?.passwordHash == rehashed)
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func restrictionIsSetAndLifted(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            let account = try PatronFixtures.account()
            try store.create(account)
            try store.setStatus(mylibraryID: account.mylibraryID, to: .restricted)
            #expect(try store.find(normalizedUsername: "jan")?.status == .restricted)
            try store.setStatus(mylibraryID: account.mylibraryID, to: .active)
            #expect(try store.find(normalizedUsername: "jan")?.status == .active)
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func updatesOfAnUnknownAccountThrowNotFound(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            let ghost = try PatronFixtures.account().mylibraryID
            #expect(throws: PatronStoreError.notFound) {
                try store.updateLastLogin(mylibraryID: ghost, at: PatronFixtures.created)
            }
            #expect(throws: PatronStoreError.notFound) { try store.updatePasswordHash(mylibraryID: ghost, to: "x") }
            #expect(throws: PatronStoreError.notFound) { try store.setStatus(mylibraryID: ghost, to: .restricted) }
        }
    }

    @Test(arguments: PatronStoreKind.allCases)
    func racingRegistrationsForOneUsernameYieldOneAccount(kind: PatronStoreKind) throws {
        try kind.withStore { store in
            let outcomes = Mutex<[String]>([])
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                let outcome: String
                do {
                    let account = try PatronFixtures.account(email: "jan\(index)@example.org", reference: "N\(index)")
                    try store.create(account)
                    outcome = "created"
                } catch {
                    outcome = "\(error)"
                }
                outcomes.withLock { $0.append(outcome) }
            }
            let all = outcomes.withLock { $0 }
            #expect(all.filter { $0 == "created" }.count == 1)
            #expect(all.filter { $0 == "\(PatronStoreError.usernameTaken)" }.count == 7)
        }
    }
}
