import GatewayCore

/// The `claims` request parameter (OIDC Core §5.5): parsed only to record which claims were
/// asked for. What is released is decided by the policy alone.
enum ClaimsParameter {
    /// The claim names under `userinfo` and `id_token`; `invalid_request` when the value is
    /// not such a JSON object.
    static func names(_ value: String?) throws(OAuthError) -> Set<String> {
        guard let value else { return [] }
        let failure = OAuthError(.invalidRequest, "The claims parameter must be a JSON object (OIDC Core §5.5).")
        guard value.utf8.count <= 4_096, case .object(let members)? = try? StrictJSONParser.parse(Array(value.utf8)) else { throw failure }
        var names = Set<String>()
        for (key, member) in members {
            guard key == "userinfo" || key == "id_token" else { continue }
            guard case .object(let requested) = member else { throw failure }
            names.formUnion(requested.keys)
        }
        return names
    }
}
