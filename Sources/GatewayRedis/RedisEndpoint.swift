/// Where the gateway's Redis lives and how to log in, usually parsed from a URL with
/// `init(url:)`.
///
/// The password is only ever sent in `AUTH`: `description`, `redacted`, `debugDescription`
/// and `dump` replace it with `***`, so an endpoint can be logged as it is.
public struct RedisEndpoint: Sendable, Equatable {
    /// How to reach the server.
    public enum Address: Sendable, Equatable {
        /// A host name or IP literal (IPv6 without brackets) and a TCP port.
        case tcp(host: String, port: Int)
        /// The path of a Unix domain socket.
        case unix(path: String)
    }

    /// How to reach the server.
    public var address: Address
    /// ACL user name sent with `AUTH` (Redis 6+); `nil` logs in as the default user.
    public var username: String?
    /// Password sent with `AUTH`; `nil` sends no `AUTH`.
    public var password: String?
    /// Database index selected on every new connection.
    public var database: Int

    /// An endpoint from its parts.
    public init(address: Address, username: String? = nil, password: String? = nil, database: Int = 0) {
        self.address = address
        self.username = username
        self.password = password
        self.database = database
    }
}

extension RedisEndpoint: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The endpoint as a URL with the password shown as `***`, e.g.
    /// `redis://app:***@[::1]:6379/2` or `unix:///run/redis.sock?db=1&password=***`.
    public var redacted: String {
        switch address {
        case .tcp(let host, let port):
            let shownHost = host.contains(":") ? "[\(host)]" : host
            return "redis://\(redactedUserInfo)\(shownHost):\(port)/\(database)"
        case .unix(let path):
            var query = "db=\(database)"
            if let username { query += "&username=\(username)" }
            if password != nil { query += "&password=***" }
            return "unix://\(path)?\(query)"
        }
    }

    /// Same as `redacted`.
    public var description: String { redacted }

    /// `RedisEndpoint(<redacted URL>)`.
    public var debugDescription: String { "RedisEndpoint(\(redacted))" }

    /// Shows only the redacted URL, so `dump` and debuggers cannot reveal the password.
    public var customMirror: Mirror { Mirror(self, children: ["url": redacted]) }

    private var redactedUserInfo: String {
        switch (username, password) {
        case (let user?, .some): "\(user):***@"
        case (nil, .some): ":***@"
        case (let user?, nil): "\(user)@"
        case (nil, nil): ""
        }
    }
}
