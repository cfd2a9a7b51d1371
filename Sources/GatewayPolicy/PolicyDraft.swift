/// Every field of one policy document as read so far; nil where a required field is
/// missing or invalid. Reading carries on past a bad field so that one pass reports every
/// problem, and `build()` produces the policy only from a document without any.
struct PolicyDraft {
    let reader: ObjectReader
    var clientID: String?
    var displayName: String?
    var supplier: String?
    var description: String?
    var clientType: ApplicationPolicy.ClientType?
    var authMethod: ApplicationPolicy.TokenEndpointAuthMethod?
    var clientSecretHash: String?
    var publicKeys: ApplicationPolicy.PublicKeySource?
    var redirectURIs: [String]?
    var postLogoutRedirectURIs: [String] = []
    var backchannelLogoutURI: String?
    var backchannelLogoutSessionRequired = true
    var policyURI: String?
    var libraries: ApplicationPolicy.LibrarySubscription?
    var allowedScopes: [ApplicationPolicy.Scope]?
    var functionalCommunication: ApplicationPolicy.FunctionalCommunication?
    var extraConsents: [ApplicationPolicy.ExtraConsent] = []
    var idTokenSignedResponseAlg = ApplicationPolicy.SigningAlgorithm.rs256
    var subjectType = ApplicationPolicy.SubjectType.public
    var tokenLifetimes = ApplicationPolicy.TokenLifetimes.defaults
    var refreshTokenReuseGraceSeconds = 0
    var active = true

    init(reader: ObjectReader) {
        self.reader = reader
    }

    /// Reads the fields in the order the format lists them, then reports unknown ones.
    mutating func readAll() {
        readIdentity()
        readAuthentication()
        readURIs()
        readAccess()
        readTokens()
        reader.finish()
    }

    /// The policy, when every required field was read; call only when no problem was found.
    func build() -> ApplicationPolicy? {
        guard let clientID, let displayName, let supplier, let clientType, let authMethod, let redirectURIs,
              let libraries, let allowedScopes, let functionalCommunication else { return nil }
        return ApplicationPolicy(
            clientID: clientID, displayName: displayName, supplier: supplier, description: description,
            clientType: clientType, tokenEndpointAuthMethod: authMethod, clientSecretHash: clientSecretHash,
            publicKeys: publicKeys, redirectURIs: redirectURIs, postLogoutRedirectURIs: postLogoutRedirectURIs,
            backchannelLogoutURI: backchannelLogoutURI, backchannelLogoutSessionRequired: backchannelLogoutSessionRequired,
            policyURI: policyURI, libraries: libraries, allowedScopes: allowedScopes,
            functionalCommunication: functionalCommunication, extraConsents: extraConsents,
            idTokenSignedResponseAlg: idTokenSignedResponseAlg, subjectType: subjectType, tokenLifetimes: tokenLifetimes,
            refreshTokenReuseGraceSeconds: refreshTokenReuseGraceSeconds, active: active)
    }

    /// The entries `problem` accepts, each reported at `key[index]` otherwise; a repeated
    /// entry is reported as a duplicate of its first occurrence.
    func distinct(_ key: String, _ entries: [(index: Int, value: String)], _ problem: (String) -> String?) -> [(index: Int, value: String)] {
        var firstIndex: [String: Int] = [:]
        var accepted: [(index: Int, value: String)] = []
        for (index, value) in entries {
            let path = FieldPath.element(reader.path(key), index)
            if let reason = problem(value) {
                reader.problems.add(path, reason)
            } else if let first = firstIndex[value] {
                reader.problems.add(path, "duplicate of \(FieldPath.element(reader.path(key), first))")
            } else {
                firstIndex[value] = index
                accepted.append((index, value))
            }
        }
        return accepted
    }
}
