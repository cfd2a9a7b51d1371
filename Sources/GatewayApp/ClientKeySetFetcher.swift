import Foundation
import FoundationNetworking
import GatewayCore
import GatewayJOSE
import GatewayOutbound
import Synchronization

/// Fetches the JWK Sets of `private_key_jwt` clients that registered a `jwks_uri`, and keeps
/// each for `cacheSeconds` so a busy client does not cost a fetch per token request.
final class ClientKeySetFetcher: Sendable {
    private let client = BlockingHTTPClient(timeoutSeconds: 5, maximumResponseBytes: 64 * 1024)
    private let cache = Mutex<[String: (keys: JSONWebKeySet, until: Double)]>([:])
    private let cacheSeconds: Double
    private let clock: any Clock

    init(cacheSeconds: Double = 300, clock: any Clock) {
        self.cacheSeconds = cacheSeconds
        self.clock = clock
    }

    /// The key set at `uri`, from the cache while it is fresh.
    func keys(at uri: String) throws -> JSONWebKeySet {
        let now = clock.monotonicSeconds()
        if let cached = cache.withLock({ $0[uri] }), cached.until > now { return cached.keys }
        guard let url = URL(string: uri) else { throw OutboundHTTPError.unavailable(reason: "client jwks_uri: not a URL") }
        var request = URLRequest(url: url)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        let response = try client.send(request, label: "GET client jwks_uri")
        guard response.status == 200 else { throw OutboundHTTPError.unavailable(reason: "GET client jwks_uri: status \(response.status)") }
        let keys = try JSONWebKeySet(json: Array(response.body))
        cache.withLock { $0[uri] = (keys, now + cacheSeconds) }
        return keys
    }
}
