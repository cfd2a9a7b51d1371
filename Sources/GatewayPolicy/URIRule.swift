/// Rules for the URIs in a policy. Redirect URIs are compared exactly at the authorization
/// endpoint, so they must be unambiguous: absolute, ASCII, lowercase scheme and host, no
/// fragment (RFC 6749 §3.1.2), no wildcards, no credentials. Plain http is only for
/// loopback hosts and private-use schemes only for native apps (RFC 8252 §7.1, §7.3, §8.3).
struct URIRule {
    /// Where a valid URI sends the browser, which decides what clients may register it.
    enum Kind: Equatable {
        case https
        case loopbackHTTP
        case privateUse
    }

    struct Problem: Error {
        let reason: String
    }

    let allowsLoopbackHTTP: Bool
    let allowsPrivateUse: Bool

    /// Redirect and post-logout redirect URIs.
    static let redirect = URIRule(allowsLoopbackHTTP: true, allowsPrivateUse: true)
    /// Back-channel logout: a server the gateway posts to.
    static let serverEndpoint = URIRule(allowsLoopbackHTTP: true, allowsPrivateUse: false)
    /// `jwks_uri` and `policy_uri`.
    static let httpsOnly = URIRule(allowsLoopbackHTTP: false, allowsPrivateUse: false)
    static let maximumLength = 2_048
    static let loopbackHosts: Set<String> = ["127.0.0.1", "localhost", "[::1]"]

    /// The URI's kind, or why it is refused.
    func check(_ uri: String) -> Result<Kind, Problem> {
        let bytes = Array(uri.utf8)
        if let reason = URISyntax.characterProblem(bytes) { return .failure(Problem(reason: reason)) }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), URISyntax.isScheme(bytes[..<colon]) else {
            return .failure(Problem(reason: "must be an absolute URI with a scheme, e.g. https://app.example/callback"))
        }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self)
        guard scheme == scheme.lowercased() else {
            return .failure(Problem(reason: "scheme must be lowercase (URIs are compared exactly)"))
        }
        let rest = bytes[(colon + 1)...]
        switch scheme {
        case "https": return web(rest, secure: true)
        case "http": return web(rest, secure: false)
        default: return privateUse(scheme, rest)
        }
    }

    /// Why `uri` is refused, or nil.
    func problem(_ uri: String) -> String? {
        if case .failure(let problem) = check(uri) { return problem.reason }
        return nil
    }

    private func web(_ rest: ArraySlice<UInt8>, secure: Bool) -> Result<Kind, Problem> {
        let host: String
        switch URISyntax.host(rest) {
        case .success(let parsed): host = parsed
        case .failure(let problem): return .failure(problem)
        }
        if secure { return .success(.https) }
        guard allowsLoopbackHTTP else { return .failure(Problem(reason: "must use https")) }
        guard Self.loopbackHosts.contains(host) else {
            return .failure(Problem(reason: "http is only allowed for loopback hosts (127.0.0.1, localhost, [::1]); use https"))
        }
        return .success(.loopbackHTTP)
    }

    private func privateUse(_ scheme: String, _ rest: ArraySlice<UInt8>) -> Result<Kind, Problem> {
        guard allowsPrivateUse else {
            return .failure(Problem(reason: allowsLoopbackHTTP ? "must use https (or http for a loopback host)" : "must use https"))
        }
        guard scheme.contains(".") else {
            return .failure(Problem(reason: "scheme must be https, http for a loopback host, or a private-use scheme "
                + "in reverse domain notation such as nl.bibliotheek.app (RFC 8252 §7.1)"))
        }
        guard rest.first == UInt8(ascii: "/"), rest.dropFirst().first != UInt8(ascii: "/") else {
            return .failure(Problem(reason: "a private-use URI has the form nl.bibliotheek.app:/callback, "
                + "with one slash (RFC 8252 §7.1)"))
        }
        return .success(.privateUse)
    }
}
