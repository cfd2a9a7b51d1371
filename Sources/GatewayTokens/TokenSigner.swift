public import Foundation
public import GatewayCore
public import GatewayCrypto
import GatewayJOSE

/// Signs claim sets as JWS compact tokens with the active key of the requested algorithm.
public struct TokenSigner: Sendable {
    private let keys: KeyRingProvider

    /// A signer over the keys `keys` serves.
    public init(keys: KeyRingProvider) { self.keys = keys }

    /// `typ` of RFC 9068 access tokens.
    public static let accessTokenType = "at+jwt"
    /// `typ` of ID tokens.
    public static let idTokenType = "JWT"

    /// The signed token; fails when no key of `algorithm` is active (fail closed).
    public func sign(_ claims: [String: JSONValue], algorithm: SignatureAlgorithm, type: String, at now: Date = Date()) throws(TokenSigningError) -> String {
        guard let (kid, key) = keys.ring().signingKey(for: algorithm, at: now) else {
            throw .noActiveKey(algorithm)
        }
        do {
            return try JWS.sign(payload: JSONValue.object(claims).serializedBytes, key: key, keyID: kid, type: type)
        } catch {
            throw .signingFailed(error.description)
        }
    }
}

/// Why a token could not be signed.
public enum TokenSigningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No active key for the algorithm (run `gateway keys generate`).
    case noActiveKey(SignatureAlgorithm)
    /// OpenSSL refused.
    case signingFailed(String)

    /// One line for logs.
    public var description: String {
        switch self {
        case .noActiveKey(let algorithm): "no active \(algorithm.rawValue) signing key"
        case .signingFailed(let reason): "signing failed: \(reason)"
        }
    }
}
