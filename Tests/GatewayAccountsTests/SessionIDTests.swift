import GatewayAccounts
import GatewayCrypto
import Testing

@Suite struct SessionIDTests {
    @Test func generatedIDsAre256BitsOfHexAndNeverRepeat() {
        let ids = (0..<1_000).map { _ in SessionID.generate(using: SecureRandom()) }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(10) {
            #expect(id.cookieValue.utf8.count == 64, "32 random bytes")
            #expect(SessionID(cookieValue: id.cookieValue) == id)
        }
    }

    @Test(arguments: [
        "", "abc", String(repeating: "A", count: 64), String(repeating: "g", count: 64), String(repeating: "a", count: 63),
        String(repeating: "a", count: 65), String(repeating: "a", count: 63) + " ",
    ])
    func cookieValuesWeNeverIssueAreRefused(value: String) {
        #expect(SessionID(cookieValue: value) == nil)
    }

    @Test func storageKeyIsTheSHA256OfTheIDAndDescriptionRevealsNothing() {
        let id = SessionID(cookieValue: String(repeating: "0", count: 64))!
        // SHA-256 of 64 ASCII zeros.
        #expect(id.storageKey == "60e05bd1b195af2f94112fa7197a5c88289058840ce7c6df9693756bc6250f55")
        #expect(!"\(id)".contains(id.cookieValue) && !"\(id)".contains(id.storageKey))
    }
}
