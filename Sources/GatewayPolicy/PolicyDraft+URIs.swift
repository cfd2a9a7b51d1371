import GatewayCore

extension PolicyDraft {
    /// Registered URIs are compared exactly and each costs a look at consent time; a
    /// partner with more than this has a design problem, not a policy problem.
    static let maximumURIs = 20

    /// `redirect_uris`, `post_logout_redirect_uris`, `backchannel_logout_uri`,
    /// `backchannel_logout_session_required`, `policy_uri`.
    mutating func readURIs() {
        redirectURIs = readURIList("redirect_uris", required: true)
        postLogoutRedirectURIs = readURIList("post_logout_redirect_uris", required: false) ?? []
        backchannelLogoutURI = reader.string("backchannel_logout_uri", rule: URIRule.serverEndpoint.problem)
        backchannelLogoutSessionRequired = reader.bool("backchannel_logout_session_required") ?? true
        policyURI = reader.string("policy_uri", rule: URIRule.httpsOnly.problem)
    }

    private func readURIList(_ key: String, required: Bool) -> [String]? {
        guard let entries = reader.strings(key, required: required) else { return nil }
        if required, case .array(let all)? = reader.value(key), all.isEmpty {
            reader.fail(key, "must list at least one URI")
            return nil
        }
        guard entries.count <= Self.maximumURIs else {
            reader.fail(key, "must list at most \(Self.maximumURIs) URIs")
            return nil
        }
        return distinct(key, entries, redirectProblem).map(\.value)
    }

    private func redirectProblem(_ uri: String) -> String? {
        switch URIRule.redirect.check(uri) {
        case .failure(let problem):
            problem.reason
        case .success(.privateUse) where clientType == .confidential:
            "private-use schemes are for native apps, which are public clients; a confidential client uses https"
        case .success:
            nil
        }
    }
}
