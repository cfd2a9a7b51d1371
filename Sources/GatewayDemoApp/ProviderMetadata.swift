import GatewayCore

/// The parts of the gateway's discovery document (OpenID Connect Discovery 1.0 §3) the
/// demo application uses. Every endpoint comes from here, none is configured.
public struct ProviderMetadata: Sendable, Equatable {
    /// `issuer`: must equal the configured issuer exactly (Discovery §4.3).
    public let issuer: String
    /// `authorization_endpoint`.
    public let authorizationEndpoint: String
    /// `token_endpoint`.
    public let tokenEndpoint: String
    /// `jwks_uri`.
    public let jwksURI: String
    /// `userinfo_endpoint`, when the gateway offers one.
    public let userinfoEndpoint: String?
    /// `end_session_endpoint` (RP-initiated logout), when the gateway offers one.
    public let endSessionEndpoint: String?

    /// Parses the document and checks it belongs to `expectedIssuer`.
    public init(json bytes: [UInt8], expectedIssuer: String) throws(DemoFailure) {
        guard case .object(let members)? = try? StrictJSONParser.parse(bytes) else {
            throw .discovery("the discovery document is not a JSON object")
        }
        func endpoint(_ name: String) throws(DemoFailure) -> String? {
            switch members[name] {
            case nil, .null?: return nil
            case .string(let url)? where url.lowercased().hasPrefix("https://") || url.lowercased().hasPrefix("http://"):
                return url
            default: throw .discovery("\(name) in the discovery document is not an http(s) URL")
            }
        }
        guard case .string(let issuer)? = members["issuer"], issuer == expectedIssuer else {
            throw .discovery("the discovery document's issuer is not \(expectedIssuer)")
        }
        guard let authorization = try endpoint("authorization_endpoint"), let token = try endpoint("token_endpoint"),
              let jwks = try endpoint("jwks_uri") else {
            throw .discovery("the discovery document lacks authorization_endpoint, token_endpoint or jwks_uri")
        }
        self.issuer = issuer
        authorizationEndpoint = authorization
        tokenEndpoint = token
        jwksURI = jwks
        userinfoEndpoint = try endpoint("userinfo_endpoint")
        endSessionEndpoint = try endpoint("end_session_endpoint")
    }
}
