public import GatewayCore
public import GatewayCrypto

/// JWS compact serialization (RFC 7515 §7.1) with our three algorithms.
public enum JWS {
    /// Tokens longer than this are refused before any parsing (a JWT of ours is < 2 KB).
    public static let maxTokenBytes = 16_384

    /// Signs `payload` with `key`; the header carries `alg`, `kid` and `typ`.
    /// Header, payload and signature are written into one buffer: the signing input is
    /// signed where it was built, and the token becomes a `String` once.
    public static func sign(payload: [UInt8], key: SigningKey, keyID: String, type: String?) throws(CryptoError) -> String {
        let header = JOSEHeader(algorithm: key.algorithm, keyID: keyID, type: type).encoded
        var token: [UInt8] = []
        token.reserveCapacity(header.count + 2 + Base64URL.encodedCount(payload.count) + maximumEncodedSignature)
        token.append(contentsOf: header)
        token.append(UInt8(ascii: "."))
        Base64URL.encode(payload, into: &token)
        let signature = try key.sign(token)
        token.append(UInt8(ascii: "."))
        Base64URL.encode(signature, into: &token)
        return String(decoding: token, as: UTF8.self)
    }

    /// base64url length of the largest signature we make (RSA-4096), so one allocation suffices.
    private static let maximumEncodedSignature = Base64URL.encodedCount(512)

    /// Verifies `token` against `keys` and returns its header and payload object.
    /// The key is chosen by `kid` (or, without one, the only key of the header's
    /// algorithm); the header's `alg` must be that key's algorithm and in `allowed`.
    public static func verify(_ token: String, keys: JSONWebKeySet,
                              allowed: Set<SignatureAlgorithm> = Set(SignatureAlgorithm.allCases)) throws(JOSEError) -> VerifiedJWS {
        let parts = try split(token)
        let header = try JOSEHeader(json: try parseObject(parts.header, what: "header"))
        let key = try selectKey(for: header, in: keys)
        guard key.algorithm == header.algorithm, allowed.contains(header.algorithm) else {
            throw .algorithmNotAllowed(header.algorithm.rawValue)
        }
        guard key.key.verify(signature: parts.signature, message: parts.signingInput) else { throw .badSignature }
        guard case .object(let claims) = try parseObject(parts.payload, what: "payload") else {
            throw .invalidJSON("payload is not an object")
        }
        return VerifiedJWS(header: header, keyID: key.keyID, claims: claims)
    }

    private struct Parts {
        let header: [UInt8]
        let payload: [UInt8]
        let signature: [UInt8]
        let signingInput: [UInt8]
    }

    private static func split(_ token: String) throws(JOSEError) -> Parts {
        let utf8 = Array(token.utf8)
        guard utf8.count <= maxTokenBytes else { throw .tooLarge(limit: maxTokenBytes) }
        let segments = utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.count == 3 else { throw .malformed("expected 3 dot-separated parts, found \(segments.count)") }
        guard let header = Base64URL.decode(String(decoding: segments[0], as: UTF8.self)),
              let payload = Base64URL.decode(String(decoding: segments[1], as: UTF8.self)),
              let signature = Base64URL.decode(String(decoding: segments[2], as: UTF8.self)) else {
            throw .malformed("a part is not canonical base64url")
        }
        guard !signature.isEmpty else { throw .algorithmNone }
        let signingInput = Array(utf8[..<(segments[0].count + 1 + segments[1].count)])
        return Parts(header: header, payload: payload, signature: signature, signingInput: signingInput)
    }

    private static func parseObject(_ bytes: [UInt8], what: String) throws(JOSEError) -> JSONValue {
        do { return try StrictJSONParser.parse(bytes) } catch { throw .invalidJSON("\(what): \(error.description)") }
    }

    private static func selectKey(for header: JOSEHeader, in keys: JSONWebKeySet) throws(JOSEError) -> JSONWebKey {
        if let kid = header.keyID {
            guard let key = keys.key(withID: kid) else { throw .unknownKey(kid: kid) }
            return key
        }
        let candidates = keys.keys.filter { $0.algorithm == header.algorithm }
        guard candidates.count == 1 else { throw .unknownKey(kid: nil) }
        return candidates[0]
    }
}

/// A JWS whose signature verified.
public struct VerifiedJWS: Sendable {
    /// Its protected header.
    public let header: JOSEHeader
    /// The `kid` of the key that verified it.
    public let keyID: String
    /// Its payload object (a JWT claims set).
    public let claims: [String: JSONValue]
}
