extension RedisConnection {
    /// Sends `AUTH` (when a password is configured) and `SELECT db` in one round trip.
    ///
    /// `SELECT` goes out even for database 0: it costs nothing extra in the same round
    /// trip, and a server that wants a password we do not have answers it with `NOAUTH`,
    /// so the problem shows up here as `.authenticationFailed` rather than as an error
    /// reply to the first real command.
    func handshake(_ endpoint: RedisEndpoint) throws(RedisError) {
        var commands: [RedisCommand] = []
        if let password = endpoint.password {
            let arguments = endpoint.username.map { ["AUTH", $0, password] } ?? ["AUTH", password]
            commands.append(RedisCommand(arguments))
        }
        commands.append(RedisCommand(["SELECT", String(endpoint.database)]))
        let replies: [RedisValue]
        do {
            replies = try pipeline(commands)
        } catch {
            throw error.redisError
        }
        for (reply, command) in zip(replies, commands.indices) {
            try Self.check(reply, isAuth: endpoint.password != nil && command == 0)
        }
    }

    private static func check(_ reply: RedisValue, isAuth: Bool) throws(RedisError) {
        guard case .error(let message) = reply else { return }
        if isAuth || message.hasPrefix("NOAUTH") || message.hasPrefix("WRONGPASS") {
            throw .authenticationFailed
        }
        throw .server(message)
    }
}
