import Foundation
import GatewayCore
import GatewayCrypto
import GatewayHTTP
import GatewayJOSE
import GatewayTokens
import Synchronization

/// `GET /jwks.json`: the public signing keys (RFC 7517 §5), cacheable by partners.
/// The document (and the key set it is made of, which the gateway uses to verify its own
/// tokens) is rebuilt only when the set of published keys changes; `max-age` never
/// reaches past the next scheduled key change.
final class KeyRoutes: Sendable {
    private struct Cached: Sendable {
        var set: JSONWebKeySet
        var body: [UInt8]
        var etag: String
        var validUntil: Date
        var builtFrom: KeyManifest
    }

    private let keys: KeyRingProvider
    private let maxAgeSeconds: Int
    private let cache = Mutex<Cached?>(nil)

    init(keys: KeyRingProvider, maxAgeSeconds: Int) {
        self.keys = keys
        self.maxAgeSeconds = maxAgeSeconds
    }

    func register(in router: inout Router) {
        router.get("/jwks.json") { [self] request in jwks(request) }
    }

    func jwks(_ request: HTTPRequest) -> HTTPResponse {
        let now = Date()
        let current = document(at: now)
        let maxAge = max(0, min(Double(maxAgeSeconds), current.validUntil.timeIntervalSince(now)))
        var response = request.headers["If-None-Match"] == current.etag
            ? HTTPResponse(status: 304)
            : HTTPResponse(status: 200, headers: ["Content-Type": "application/jwk-set+json"], body: current.body)
        response.headers.set("Cache-Control", "public, max-age=\(Int(maxAge))")
        response.headers.set("ETag", current.etag)
        return response
    }

    /// The published keys now (the set `/jwks.json` serves), for verifying tokens we issued.
    func publishedKeys() -> JSONWebKeySet { document(at: Date()).set }

    private func document(at now: Date) -> Cached {
        let ring = keys.ring()
        if let cached = cache.withLock({ $0 }), cached.validUntil > now, cached.builtFrom == ring.manifest { return cached }
        let set = ring.publicKeys(at: now)
        let body = Array(set.json.utf8)
        let etag = "\"" + Base64URL.encode(Array(SHA256.digest(body).prefix(12))) + "\""
        let next = KeyLifecycle.nextChange(in: ring.manifest, after: now) ?? now.addingTimeInterval(86_400)
        let fresh = Cached(set: set, body: body, etag: etag, validUntil: next, builtFrom: ring.manifest)
        cache.withLock { $0 = fresh }
        return fresh
    }
}
