import GatewayCore

extension ApplicationPolicy {
    /// The same policy with `client_secret_hash` set to `hash`, checked by the same rules
    /// as a file: the client must use `client_secret_basic` or `client_secret_post`, and
    /// `hash` must be an Argon2id PHC string. Problems never echo the hash.
    public func settingClientSecretHash(_ hash: String) throws(InvalidPolicyError) -> ApplicationPolicy {
        try PolicyDocument.replacing(CodingKeys.clientSecretHash.rawValue, with: .string(hash), in: self)
    }
}
