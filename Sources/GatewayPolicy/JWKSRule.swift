import GatewayCore

/// Checks an inline JWK Set (RFC 7517 §5) enough for a policy: public keys of a type the
/// gateway verifies, each with its key members, identifiable by `kid`. Other JWK members
/// are allowed (the format is extensible); the token layer parses the keys themselves.
enum JWKSRule {
    static let maximumKeys = 10
    /// Key types and the public members each needs (RFC 7518 §6.2, §6.3; RFC 8037 §2).
    static let publicMembers: [String: [String]] = ["EC": ["crv", "x", "y"], "RSA": ["n", "e"], "OKP": ["crv", "x"]]
    /// Members that carry private or symmetric key material (RFC 7518 §6.2.2, §6.3.2, §6.4).
    static let privateMembers = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"]

    /// Reports every problem of the set at `path`.
    static func check(_ value: JSONValue, path: String, problems: ProblemList) {
        guard let set = ObjectReader.object(value, path: path, problems: problems),
              let keys = set.array("keys", required: true) else { return }
        guard (1...maximumKeys).contains(keys.count) else {
            set.fail("keys", "must hold 1 to \(maximumKeys) keys")
            return
        }
        var kids: [String: Int] = [:]
        for (index, element) in keys.enumerated() {
            guard let key = ObjectReader.object(element, path: FieldPath.element(set.path("keys"), index), problems: problems) else {
                continue
            }
            checkKey(key)
            let kid = key.string("kid", required: keys.count > 1)
            if let kid, let first = kids[kid] {
                key.fail("kid", "duplicate of keys[\(first)].kid")
            } else if let kid {
                kids[kid] = index
            }
        }
    }

    private static func checkKey(_ key: ObjectReader) {
        for member in privateMembers where key.has(member) {
            key.fail(member, "private key material must never be in a policy; publish only the public key")
        }
        guard let type = key.string("kty", required: true) else { return }
        guard let members = publicMembers[type] else {
            key.fail("kty", type == "oct"
                ? "symmetric keys (\"oct\") are not allowed; use a public key"
                : "must be one of \"EC\", \"RSA\", \"OKP\", got \(FieldPath.quoted(type))")
            return
        }
        for member in members { _ = key.string(member, required: true) }
    }
}
