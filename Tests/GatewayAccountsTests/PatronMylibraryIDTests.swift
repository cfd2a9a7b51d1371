import GatewayAccounts
import GatewayCore
import GatewayCrypto
import Testing

@Suite struct PatronMylibraryIDTests {
    private struct FixedBytes: RandomSource {
        let byte: UInt8
        func bytes(_ count: Int) -> [UInt8] { Array(repeating: byte, count: count) }
    }

    @Test func tenThousandDrawsAreDistinctAndWellFormed() {
        let random = SecureRandom()
        var seen = Set<String>()
        for _ in 0..<10_000 {
            let id = MylibraryID.generate(using: random)
            #expect(id.rawValue.count == 26)
            #expect(id.rawValue.allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) })
            seen.insert(id.rawValue)
        }
        #expect(seen.count == 10_000)
    }

    @Test func encodingUsesAll128RandomBits() {
        // All-zero and all-one inputs pin down the encoding: 25 full characters plus 3 bits.
        #expect(MylibraryID.generate(using: FixedBytes(byte: 0x00)).rawValue == String(repeating: "a", count: 26))
        #expect(MylibraryID.generate(using: FixedBytes(byte: 0xFF)).rawValue == String(repeating: "7", count: 25) + "4")
    }

    @Test func parsingAcceptsOnlyTheEncodedForm() throws {
        let id = MylibraryID.generate(using: SecureRandom())
        #expect(MylibraryID(rawValue: id.rawValue) == id)
        #expect(MylibraryID(rawValue: id.rawValue.uppercased()) == nil)
        #expect(MylibraryID(rawValue: String(id.rawValue.dropLast())) == nil)
        #expect(MylibraryID(rawValue: id.rawValue + "a") == nil)
        #expect(MylibraryID(rawValue: "0" + id.rawValue.dropFirst()) == nil)
        #expect(MylibraryID(rawValue: "") == nil)
    }
}
