public import GatewayCore
import Synchronization

/// Remembers the claims of access tokens whose signature already verified, keyed by the
/// exact token text, until the token expires. Introspection and userinfo see the same
/// token many times; an ECDSA verification costs more than the rest of such a request.
/// Only successful verifications are kept (a forged token never enters), an entry never
/// outlives its token's `exp`, and the cache is bounded: when full, expired entries go
/// first and then the whole cache is dropped (cheap, and refilled by the next requests).
/// Revocation is unaffected: callers still ask the grant store on every use.
public final class VerifiedTokenCache: Sendable {
    private struct Entry {
        let claims: [String: JSONValue]
        let expiresAt: Double
    }

    private let entries = Mutex<[String: Entry]>([:])
    private let capacity: Int

    /// A cache of at most `capacity` tokens.
    public init(capacity: Int = 4_096) { self.capacity = capacity }

    /// The claims of `token` if it verified before and has not expired at `now`.
    public func claims(of token: String, now: Instant) -> [String: JSONValue]? {
        entries.withLock { entries in
            guard let entry = entries[token] else { return nil }
            guard entry.expiresAt > now.secondsSinceEpoch else {
                entries[token] = nil
                return nil
            }
            return entry.claims
        }
    }

    /// Keeps the verified `claims` of `token` until `exp`.
    public func remember(_ token: String, claims: [String: JSONValue], now: Instant) {
        guard case .number(let exp)? = claims["exp"], exp > now.secondsSinceEpoch else { return }
        entries.withLock { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.expiresAt > now.secondsSinceEpoch }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[token] = Entry(claims: claims, expiresAt: exp)
        }
    }

    /// How many tokens are kept (for tests and metrics).
    public var count: Int { entries.withLock { $0.count } }
}
