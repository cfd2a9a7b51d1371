import GatewayCore
import GatewayCrypto

/// A JWK Set (RFC 7517 §5): the public keys a verifier may use, found by `kid`.
public struct JSONWebKeySet: Sendable, Equatable {
    /// The keys in publication order.
    public let keys: [JSONWebKey]

    /// A set of `keys`.
    public init(keys: [JSONWebKey]) { self.keys = keys }

    /// Parses `{"keys":[...]}`. Keys we cannot use (other types or algorithms) are
    /// skipped, as RFC 7517 §5 allows; a malformed document or a private key is an error.
    public init(json bytes: [UInt8]) throws(JOSEError) {
        let document: JSONValue
        do { document = try StrictJSONParser.parse(bytes) } catch { throw .invalidJSON(error.description) }
        guard case .object(let members) = document, case .array(let entries)? = members["keys"] else {
            throw .invalidJSON("a JWKS is an object with a keys array")
        }
        var keys: [JSONWebKey] = []
        for entry in entries {
            do {
                keys.append(try JSONWebKey(json: entry))
            } catch .invalidKey(let reason) where reason.hasPrefix("unsupported kty") {
                continue
            }
        }
        self.keys = keys
    }

    /// The key named `kid`.
    public func key(withID kid: String) -> JSONWebKey? { keys.first { $0.keyID == kid } }

    /// `{"keys":[…]}`.
    public var json: String { "{\"keys\":[" + keys.map(\.json).joined(separator: ",") + "]}" }
}
