import GatewayHTTP
import Testing

private func request(peer: String, forwardedFor: [String] = [], proto: String? = nil) -> HTTPRequest {
    var headers = HTTPHeaders()
    for value in forwardedFor { headers.add("X-Forwarded-For", value) }
    if let proto { headers.add("X-Forwarded-Proto", proto) }
    return HTTPRequest(method: "GET", path: "/", headers: headers, peerAddress: peer)
}

private let proxies = TrustedProxies([IPNetwork("10.0.0.0/8")!, IPNetwork("::1")!])

@Suite struct TrustedProxiesTests {
    @Test func headersFromAnUntrustedPeerAreIgnored() {
        let resolved = proxies.resolve(request(peer: "203.0.113.5", forwardedFor: ["198.51.100.1"], proto: "https"))
        #expect(resolved.clientAddress == "203.0.113.5")
        #expect(resolved.scheme == "http")
    }

    @Test func trustedPeerGivesTheRightmostUntrustedHop() {
        let resolved = proxies.resolve(request(peer: "10.1.2.3", forwardedFor: ["6.6.6.6, 198.51.100.7", "10.9.9.9"], proto: "https"))
        #expect(resolved.clientAddress == "198.51.100.7")
        #expect(resolved.scheme == "https")
        #expect(resolved.peerAddress == "10.1.2.3")
    }

    @Test func chainOfOnlyTrustedHopsEndsAtTheLeftmost() {
        #expect(proxies.resolve(request(peer: "10.0.0.1", forwardedFor: ["10.0.0.2, 10.0.0.3"])).clientAddress == "10.0.0.2")
    }

    @Test func garbageHopStopsTheWalk() {
        let resolved = proxies.resolve(request(peer: "10.0.0.1", forwardedFor: ["198.51.100.1, evil, 10.0.0.5"]))
        #expect(resolved.clientAddress == "10.0.0.5")
    }

    @Test func unknownProtoValueIsIgnored() {
        #expect(proxies.resolve(request(peer: "::1", proto: "gopher")).scheme == "http")
    }

    @Test func noConfiguredProxiesTrustsNobody() {
        #expect(TrustedProxies().resolve(request(peer: "127.0.0.1", forwardedFor: ["1.2.3.4"])).clientAddress == "127.0.0.1")
    }
}

@Suite struct IPNetworkTests {
    @Test(arguments: [
        ("10.0.0.0/8", "10.255.1.2", true), ("10.0.0.0/8", "11.0.0.1", false),
        ("192.168.1.0/25", "192.168.1.127", true), ("192.168.1.0/25", "192.168.1.128", false),
        ("::1", "::1", true), ("fd00::/8", "fd12::1", true), ("fd00::/8", "fe80::1", false),
        ("127.0.0.1", "::ffff:127.0.0.1", true), ("0.0.0.0/0", "8.8.8.8", true), ("10.0.0.0/8", "::a00:1", false),
    ])
    func membership(network: String, address: String, inside: Bool) throws {
        let block = try #require(IPNetwork(network))
        #expect(block.contains(try #require(IPAddress(address))) == inside)
    }

    @Test(arguments: ["10.0.0.0/33", "::/129", "host.example", "10.0.0/8", "", "1.2.3.4/x"])
    func malformedBlocksAreRejected(text: String) {
        #expect(IPNetwork(text) == nil)
    }
}

@Suite struct URLDecodingTests {
    @Test func targetSplitsIntoDecodedPathAndQuery() {
        let (path, query) = URLDecoding.splitTarget("/a%20b/c?x=%2F&y=1+2&&z")
        #expect(path == "/a b/c")
        #expect(query == [QueryItem(name: "x", value: "/"), QueryItem(name: "y", value: "1 2"), QueryItem(name: "z", value: "")])
    }

    @Test func plusStaysLiteralInPaths() {
        #expect(URLDecoding.splitTarget("/a+b").path == "/a+b")
    }

    @Test func invalidEscapesAndTruncatedEscapesStayLiteral() {
        #expect(URLDecoding.percentDecode("100%") == "100%")
        #expect(URLDecoding.percentDecode("%4") == "%4")
        #expect(URLDecoding.percentDecode("%G1") == "%G1")
    }

    @Test func invalidUTF8IsReplacedNotDropped() {
        #expect(URLDecoding.percentDecode("a%FFb") == "a\u{FFFD}b")
    }

    @Test func formBodyDecodesFromBytesLikeAFormString() {
        let body = Array("grant_type=refresh_token&&name=J%C3%A9r%C3%B4me+K&empty=&flag&=orphan&caf\u{E9}=%E2%82%AC".utf8)
        let expected = [QueryItem(name: "grant_type", value: "refresh_token"), QueryItem(name: "name", value: "Jérôme K"),
                        QueryItem(name: "empty", value: ""), QueryItem(name: "flag", value: ""), QueryItem(name: "", value: "orphan"),
                        QueryItem(name: "café", value: "€")]
        #expect(URLDecoding.formDecode(body) == expected)
        #expect(URLDecoding.formDecode(String(decoding: body, as: UTF8.self)) == expected)
        #expect(URLDecoding.formDecode([]) == [])
        #expect(URLDecoding.formDecode(Array("a=b=c".utf8)) == [QueryItem(name: "a", value: "b=c")], "only the first = splits")
    }

    @Test func formBodyBytesThatAreNotUTF8BecomeReplacementCharacters() {
        let body: [UInt8] = Array("a=x".utf8) + [0xFF] + Array("y&b=%FF".utf8)
        #expect(URLDecoding.formDecode(body) == [QueryItem(name: "a", value: "x\u{FFFD}y"), QueryItem(name: "b", value: "\u{FFFD}")])
    }
}

@Suite struct SecurityHeadersTests {
    @Test func htmlGetsCSPAndFrameDenial() {
        var response = HTTPResponse.html("<p>x</p>")
        SecurityHeaders(strictTransportSecurity: false).apply(to: &response)
        #expect(response.headers["Content-Security-Policy"] == SecurityHeaders.htmlContentSecurityPolicy)
        #expect(response.headers["X-Frame-Options"] == "DENY")
        #expect(response.headers["Strict-Transport-Security"] == nil)
    }

    @Test func jsonGetsNoStoreButNoCSP() {
        var response = HTTPResponse.json("{}")
        SecurityHeaders(strictTransportSecurity: true).apply(to: &response)
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(response.headers["Content-Security-Policy"] == nil)
        #expect(response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains")
    }

    @Test func handlerChosenCacheControlIsKept() {
        var response = HTTPResponse.json("{}")
        response.headers.set("cache-control", "public, max-age=300")
        SecurityHeaders(strictTransportSecurity: false).apply(to: &response)
        #expect(response.headers.values("Cache-Control") == ["public, max-age=300"])
    }
}
