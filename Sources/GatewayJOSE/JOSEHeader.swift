import GatewayCore
public import GatewayCrypto

/// The protected header of a JWS we accept: a supported `alg`, optional `kid` and `typ`,
/// no `crit`. Key-carrying headers (`jwk`, `jku`, `x5u`, `x5c`) are ignored: a token
/// never gets to choose the key that verifies it.
public struct JOSEHeader: Sendable, Equatable {
    /// The signature algorithm.
    public let algorithm: SignatureAlgorithm
    /// The key id, when present.
    public let keyID: String?
    /// The media type, e.g. `JWT`, `at+jwt`, `logout+jwt`.
    public let type: String?

    /// A header for signing.
    public init(algorithm: SignatureAlgorithm, keyID: String?, type: String?) {
        self.algorithm = algorithm
        self.keyID = keyID
        self.type = type
    }

    /// Validates a decoded header object.
    init(json: JSONValue) throws(JOSEError) {
        guard case .object(let members) = json else { throw .invalidJSON("header is not an object") }
        guard case .string(let alg)? = members["alg"] else { throw .malformed("header has no alg") }
        if alg.lowercased() == "none" { throw .algorithmNone }
        guard let algorithm = SignatureAlgorithm(rawValue: alg) else { throw .unsupportedAlgorithm(alg) }
        if let crit = members["crit"] {
            guard case .array(let names) = crit, !names.isEmpty else { throw .malformed("crit must be a non-empty array") }
            throw .unsupportedCritical(names.map { if case .string(let name) = $0 { name } else { "?" } })
        }
        self.algorithm = algorithm
        keyID = try Self.optionalString(members["kid"], name: "kid")
        type = try Self.optionalString(members["typ"], name: "typ")
    }

    private static func optionalString(_ value: JSONValue?, name: String) throws(JOSEError) -> String? {
        switch value {
        case nil: return nil
        case .string(let text)?: return text
        default: throw .malformed("\(name) must be a string")
        }
    }

    /// The header's compact JSON (`json`) base64url-encoded: the first part of a compact JWS.
    var encoded: [UInt8] {
        var out: [UInt8] = []
        Base64URL.encode(json, into: &out)
        return out
    }

    /// The header as compact JSON with members in a fixed order.
    var json: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(96)
        bytes.append(contentsOf: #"{"alg":"#.utf8)
        JSONString.append(algorithm.rawValue, to: &bytes)
        if let keyID {
            bytes.append(contentsOf: #","kid":"#.utf8)
            JSONString.append(keyID, to: &bytes)
        }
        if let type {
            bytes.append(contentsOf: #","typ":"#.utf8)
            JSONString.append(type, to: &bytes)
        }
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }
}
