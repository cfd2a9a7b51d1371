public import GatewayCore
public import GatewayCrypto

/// A public JSON Web Key (RFC 7517) for one of our algorithms, with its RFC 7638 thumbprint.
public struct JSONWebKey: Sendable, Equatable {
    /// The key id (`kid`).
    public let keyID: String
    /// The verification key.
    public let key: VerificationKey

    /// The algorithm the key is for.
    public var algorithm: SignatureAlgorithm { key.algorithm }

    /// A JWK for `key` whose `kid` is its RFC 7638 thumbprint.
    public init(key: VerificationKey) {
        self.key = key
        keyID = Self.thumbprint(of: key.parameters)
    }

    /// A JWK with an explicit `kid`.
    public init(key: VerificationKey, keyID: String) {
        self.key = key
        self.keyID = keyID
    }

    /// Two JWKs are equal when kid, algorithm and key material are.
    public static func == (lhs: JSONWebKey, rhs: JSONWebKey) -> Bool {
        lhs.keyID == rhs.keyID && lhs.algorithm == rhs.algorithm && lhs.key.parameters == rhs.key.parameters
    }

    /// RFC 7638: SHA-256 over the required members in lexicographic order, base64url.
    public static func thumbprint(of parameters: PublicKeyParameters) -> String {
        Base64URL.encode(SHA256.digest(Array(requiredMembersJSON(parameters).utf8)))
    }

    /// The required members only, sorted, no whitespace (the thumbprint input).
    static func requiredMembersJSON(_ parameters: PublicKeyParameters) -> String {
        switch parameters {
        case .ec(let x, let y):
            "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"\(Base64URL.encode(x))\",\"y\":\"\(Base64URL.encode(y))\"}"
        case .rsa(let n, let e):
            "{\"e\":\"\(Base64URL.encode(e))\",\"kty\":\"RSA\",\"n\":\"\(Base64URL.encode(n))\"}"
        case .okp(let x):
            "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"\(Base64URL.encode(x))\"}"
        }
    }

    /// The public JWK as JSON: key members plus `kid`, `alg` and `use: sig`.
    public var json: String {
        let members = Self.requiredMembersJSON(key.parameters).dropLast()
        var text = String(members) + ",\"alg\":\"\(algorithm.rawValue)\",\"use\":\"sig\",\"kid\":"
        JSONString.append(keyID, to: &text)
        return text + "}"
    }
}

extension JSONWebKey {
    /// Reads a public JWK. Refuses private members (`d`, …: a JWKS must never carry
    /// them), `use` other than `sig`, and an `alg` that does not fit the key type.
    public init(json: JSONValue) throws(JOSEError) {
        guard case .object(let members) = json else { throw .invalidKey("not a JSON object") }
        for name in ["d", "p", "q", "dp", "dq", "qi", "k"] where members[name] != nil {
            throw .invalidKey("contains private key member \(name)")
        }
        if let use = members["use"], use != .string("sig") { throw .invalidKey("use is not sig") }
        let parameters = try Self.parameters(members)
        let algorithm = try Self.algorithm(members, parameters: parameters)
        let key: VerificationKey
        do { key = try VerificationKey(parameters: parameters, algorithm: algorithm) } catch {
            throw .invalidKey(error.description)
        }
        switch members["kid"] {
        case .string(let kid)?: self.init(key: key, keyID: kid)
        case nil: self.init(key: key)
        default: throw .invalidKey("kid is not a string")
        }
    }

    private static func parameters(_ members: [String: JSONValue]) throws(JOSEError) -> PublicKeyParameters {
        func bytes(_ name: String) throws(JOSEError) -> [UInt8] {
            guard case .string(let text)? = members[name], let value = Base64URL.decode(text), !value.isEmpty else {
                throw .invalidKey("\(name) is missing or not base64url")
            }
            return value
        }
        switch (members["kty"], members["crv"]) {
        case (.string("EC")?, .string("P-256")?): return .ec(x: try bytes("x"), y: try bytes("y"))
        case (.string("RSA")?, _): return .rsa(n: try bytes("n"), e: try bytes("e"))
        case (.string("OKP")?, .string("Ed25519")?): return .okp(x: try bytes("x"))
        default: throw .invalidKey("unsupported kty/crv (EC P-256, RSA and OKP Ed25519 are supported)")
        }
    }

    private static func algorithm(_ members: [String: JSONValue], parameters: PublicKeyParameters) throws(JOSEError) -> SignatureAlgorithm {
        let implied: SignatureAlgorithm = switch parameters {
        case .ec: .es256
        case .rsa: .rs256
        case .okp: .edDSA
        }
        switch members["alg"] {
        case nil: return implied
        case .string(let alg)? where alg == implied.rawValue: return implied
        case .string(let alg)?: throw .invalidKey("alg \(alg.prefix(20)) does not fit the key type")
        default: throw .invalidKey("alg is not a string")
        }
    }
}
