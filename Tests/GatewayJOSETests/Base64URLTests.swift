import GatewayJOSE
import Testing

@Suite struct Base64URLTests {
    @Test(arguments: [("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"), ("foobar", "Zm9vYmFy")])
    func rfc4648VectorsEncodeWithoutPadding(plain: String, encoded: String) {
        #expect(Base64URL.encode(plain) == encoded)
        #expect(Base64URL.decode(encoded) == Array(plain.utf8))
    }

    @Test func urlSafeAlphabetIsUsed() {
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
        #expect(Base64URL.decode("-_-_") == [0xFB, 0xFF, 0xBF])
    }

    @Test(arguments: ["Zg==", "Zm9v YmFy", "+/+/", "Z", "Zh", "Zm9=", "Zm9vY\n"])
    func nonCanonicalInputIsRefused(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test func encodingIntoABufferAppendsToWhatIsThere() {
        var out = Array("head.".utf8)
        Base64URL.encode(Array("foobar".utf8), into: &out)
        Base64URL.encode([0xFB, 0xFF], into: &out)
        #expect(String(decoding: out, as: UTF8.self) == "head.Zm9vYmFy-_8")
    }

    @Test func everyLengthRoundTripsAndMatchesTheStringEncoder() {
        var bytes: [UInt8] = []
        for length in 0..<200 {
            var out: [UInt8] = [0x2E]
            Base64URL.encode(bytes, into: &out)
            #expect(out.count == 1 + Base64URL.encodedCount(length))
            #expect(String(decoding: out.dropFirst(), as: UTF8.self) == Base64URL.encode(bytes))
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
            bytes.append(UInt8(truncatingIfNeeded: length &* 151 &+ 7))
        }
    }
}
