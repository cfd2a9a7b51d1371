public import GatewayCore

/// The claims of a verified LibraryGateway token, typed. By the gateway's contract a
/// partner learns the patron's `mylibraryID` and `library`, and `preferredUsername` /
/// `email` only when its policy declares a functional-communication need.
public struct GatewayClaims: Sendable, Equatable {
    /// `iss`.
    public let issuer: String
    /// `sub` (the Mylibrary-id).
    public let subject: String
    /// `mylibrary_id`.
    public let mylibraryID: String
    /// `library`.
    public let library: String
    /// `aud` as a list.
    public let audience: [String]
    /// `exp`.
    public let expiresAt: Instant
    /// `iat`, when present.
    public let issuedAt: Instant?
    /// `client_id` (access tokens).
    public let clientID: String?
    /// `scope` split on spaces (access tokens).
    public let scopes: [String]
    /// `preferred_username`, only for functional-communication applications.
    public let preferredUsername: String?
    /// `email`, only for functional-communication applications.
    public let email: String?
    /// `email_verified`.
    public let emailVerified: Bool?
    /// `nonce` (ID tokens).
    public let nonce: String?
    /// `sid`.
    public let sessionID: String?
    /// `jti`.
    public let tokenID: String?
    /// Every claim as received.
    public let all: [String: JSONValue]

    init(_ claims: [String: JSONValue]) throws(GatewayVerifierError) {
        func string(_ name: String) -> String? { if case .string(let value)? = claims[name] { value } else { nil } }
        func number(_ name: String) -> Double? { if case .number(let value)? = claims[name] { value } else { nil } }
        guard let subject = string("sub"), let mylibraryID = string("mylibrary_id"), let library = string("library"),
              let issuer = string("iss"), let exp = number("exp") else {
            throw .missingGatewayClaims
        }
        self.issuer = issuer
        self.subject = subject
        self.mylibraryID = mylibraryID
        self.library = library
        audience = switch claims["aud"] {
        case .string(let single)?: [single]
        case .array(let many)?: many.compactMap { if case .string(let item) = $0 { item } else { nil } }
        default: []
        }
        expiresAt = Instant(secondsSinceEpoch: exp)
        issuedAt = number("iat").map(Instant.init(secondsSinceEpoch:))
        clientID = string("client_id")
        scopes = string("scope")?.split(separator: " ").map(String.init) ?? []
        preferredUsername = string("preferred_username")
        email = string("email")
        emailVerified = if case .bool(let value)? = claims["email_verified"] { value } else { nil }
        nonce = string("nonce")
        sessionID = string("sid")
        tokenID = string("jti")
        all = claims
    }
}
