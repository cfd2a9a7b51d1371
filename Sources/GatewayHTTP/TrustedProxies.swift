import GatewayCore

/// Which peers may tell us the client's address and scheme (`X-Forwarded-For`,
/// `X-Forwarded-Proto`). Headers from anyone else are ignored, so a client cannot spoof
/// its address into rate limits or the activity log.
public struct TrustedProxies: Sendable {
    private let networks: [IPNetwork]

    /// Proxies in `networks` are trusted; an empty list trusts nobody.
    public init(_ networks: [IPNetwork] = []) { self.networks = networks }

    /// True when `address` is one of the configured proxies.
    public func trusts(_ address: String) -> Bool {
        guard let ip = IPAddress(address) else { return false }
        return networks.contains { $0.contains(ip) }
    }

    /// Sets `clientAddress` and `scheme` from forwarding headers when the peer is trusted.
    /// The client is the right-most `X-Forwarded-For` entry that is not itself a trusted
    /// proxy (entries left of it were written by the client and prove nothing).
    public func resolve(_ request: HTTPRequest) -> HTTPRequest {
        guard !networks.isEmpty, trusts(request.peerAddress) else { return request }
        var resolved = request
        let hops = request.headers.values("X-Forwarded-For")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingSpaces }
        for hop in hops.reversed() {
            guard let address = IPAddress(hop) else { break }
            resolved.clientAddress = address.description
            if !networks.contains(where: { $0.contains(address) }) { break }
        }
        if let proto = request.headers.values("X-Forwarded-Proto").last?.split(separator: ",").last?.trimmingSpaces.lowercased(),
           proto == "http" || proto == "https" {
            resolved.scheme = proto
        }
        return resolved
    }
}
