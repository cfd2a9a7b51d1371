import GatewayOAuth

/// How the OAuth stores talk to Redis: every call is one command (a script where several
/// keys change together), and every failure becomes `OAuthStoreError.unavailable` with a
/// detail that names no key, argument or value.
extension RedisClient {
    /// `script` with `keys` and `arguments` (`evaluate`): one round trip, atomic. An error
    /// reply (a script fault, `OOM`, `BUSY`, `LOADING`) throws like a transport failure.
    func oauthScript(_ script: RedisScript, keys: [String], arguments: [String]) throws(OAuthStoreError) -> RedisValue {
        let reply: RedisValue
        do {
            reply = try evaluate(script, keys: keys, arguments: arguments)
        } catch {
            throw .unavailable(detail: error.description)
        }
        if let message = reply.errorMessage { throw .unavailable(detail: "script refused: \(Self.safeSummary(message))") }
        return reply
    }

    /// One plain command, transport failures mapped to `.unavailable`.
    func oauthCommand(_ arguments: [String]) throws(OAuthStoreError) -> RedisValue {
        do {
            return try command(arguments)
        } catch {
            throw .unavailable(detail: error.description)
        }
    }

    /// The error code of an error reply (`ERR`, `OOM`, ...) and, for a script fault, its
    /// line: enough to diagnose, and never an echo of the command's arguments (some Redis
    /// errors quote them).
    static func safeSummary(_ message: String) -> String {
        let code = message.prefix { $0 != " " }
        guard let range = message.firstRange(of: "user_script:") else { return String(code) }
        let line = message[range.upperBound...].prefix { $0.isNumber }
        return "\(code) at line \(line)"
    }
}
