/// The RFC 3986 pieces `URIRule` needs: allowed characters, scheme and authority syntax.
enum URISyntax {
    /// Why the URI's characters are not acceptable, or nil.
    static func characterProblem(_ bytes: [UInt8]) -> String? {
        if bytes.isEmpty { return "must not be empty" }
        if bytes.count > URIRule.maximumLength { return "must be at most \(URIRule.maximumLength) characters" }
        if bytes.contains(where: { $0 < 0x21 || $0 > 0x7E }) {
            return "must be ASCII without spaces or control characters (percent-encode anything else)"
        }
        if bytes.contains(UInt8(ascii: "#")) { return "must not contain a fragment ('#')" }
        if bytes.contains(UInt8(ascii: "*")) { return "must not contain wildcards ('*'); register every URI exactly" }
        if let refused = bytes.first(where: { #""<>\^`{|}"#.utf8.contains($0) }) {
            return "must not contain '\(Character(Unicode.Scalar(refused)))' (not allowed in a URI)"
        }
        if !hasValidPercentEncoding(bytes) { return "has an invalid percent-encoding ('%' must be followed by two hex digits)" }
        return nil
    }

    /// `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (RFC 3986 §3.1).
    static func isScheme(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let first = bytes.first, isLetter(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || isDigit($0) || "+-.".utf8.contains($0) }
    }

    /// The host of `//authority/...` (port checked, host lowercase), or why it is refused.
    static func host(_ rest: ArraySlice<UInt8>) -> Result<String, URIRule.Problem> {
        guard rest.starts(with: "//".utf8) else { return failure("must have the form scheme://host/path") }
        let authorityStart = rest.startIndex + 2
        let end = rest[authorityStart...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") } ?? rest.endIndex
        let authority = rest[authorityStart..<end]
        if authority.contains(UInt8(ascii: "@")) { return failure("must not contain user credentials ('user@')") }
        let hostEnd: Int
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { return failure("has an unterminated IPv6 address") }
            hostEnd = close + 1
        } else {
            hostEnd = authority.firstIndex(of: UInt8(ascii: ":")) ?? authority.endIndex
        }
        let host = authority[authority.startIndex..<hostEnd]
        if let reason = hostProblem(host) { return failure(reason) }
        if let reason = portProblem(authority[hostEnd...]) { return failure(reason) }
        return .success(String(decoding: host, as: UTF8.self))
    }

    private static func hostProblem(_ host: ArraySlice<UInt8>) -> String? {
        if host.isEmpty { return "must name a host" }
        if host.contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) {
            return "host must be lowercase (URIs are compared exactly)"
        }
        if host.first == UInt8(ascii: "[") {
            let inner = host.dropFirst().dropLast()
            let valid = !inner.isEmpty && inner.allSatisfy { isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }
            return valid ? nil : "has an invalid IPv6 address"
        }
        let valid = host.allSatisfy { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
        return valid ? nil : "host may only contain a-z, 0-9, '-' and '.'"
    }

    /// Empty, or `:` followed by a port number 1–65535.
    private static func portProblem(_ rest: ArraySlice<UInt8>) -> String? {
        guard let colon = rest.first else { return nil }
        let digits = rest.dropFirst()
        guard colon == UInt8(ascii: ":"), (1...5).contains(digits.count), digits.allSatisfy(isDigit),
              let port = Int(String(decoding: digits, as: UTF8.self)), (1...65_535).contains(port) else {
            return "has an invalid port (1 to 65535)"
        }
        return nil
    }

    private static func hasValidPercentEncoding(_ bytes: [UInt8]) -> Bool {
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "%") {
            guard index + 2 < bytes.count, isHexDigit(bytes[index + 1]), isHexDigit(bytes[index + 2]) else { return false }
        }
        return true
    }

    private static func failure(_ reason: String) -> Result<String, URIRule.Problem> { .failure(URIRule.Problem(reason: reason)) }
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }
}
