import GatewayCore
import Testing

@Suite struct TrimmingTests {
    @Test func spacesAndTabsGoFromBothEndsOnly() {
        #expect(" \t Bearer  abc \t ".trimmingSpaces == "Bearer  abc")
        #expect("abc".trimmingSpaces == "abc")
        #expect(" \t ".trimmingSpaces == "")
        #expect("".trimmingSpaces == "")
        #expect("x-y, z"[...].split(separator: ",").map(\.trimmingSpaces) == ["x-y", "z"])
    }

    @Test func otherWhitespaceAndNonASCIIStay() {
        #expect("\nabc\r".trimmingSpaces == "\nabc\r", "only HTTP's optional whitespace")
        #expect("  é\u{301} ".trimmingSpaces == "é\u{301}", "a combining mark at the end is kept whole")
        #expect("\u{A0}x\u{A0}".trimmingSpaces == "\u{A0}x\u{A0}")
    }
}
