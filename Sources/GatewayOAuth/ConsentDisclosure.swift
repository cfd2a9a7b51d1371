import GatewayCore
import GatewayCrypto
public import GatewayPolicy

/// What an application receives about a patron, as shown on the consent page: library and
/// Mylibrary-id always; username and e-mail (with the declared purpose) only when the
/// policy declares a functional-communication need; plus refresh tokens when it may keep
/// access while the patron is away. Its fingerprint is stored with the consent, so a change
/// to any of it asks the patron again.
public struct ConsentDisclosure: Sendable, Equatable {
    /// Claim names the application may receive, in display order.
    public let claims: [String]
    /// Why the application needs username and e-mail (nil when it does not receive them).
    public let purpose: String?
    /// Whether the application may keep access while the patron is away (`offline_access`).
    public let offlineAccess: Bool
    /// Ids and descriptions of the policy's extra consents.
    public let extras: [Extra]
    /// Who the data goes to.
    public let supplier: String

    /// The disclosures of `policy`.
    public init(policy: ApplicationPolicy) {
        var claims = ["library", "mylibrary_id"]
        let communication = policy.functionalCommunication
        if communication.needed { claims += ["preferred_username", "email"] }
        self.claims = claims
        self.purpose = communication.needed ? communication.purpose : nil
        self.offlineAccess = policy.allowedScopes.contains(.offlineAccess)
        self.extras = policy.extraConsents.map { Extra(id: $0.id, description: $0.description) }
        self.supplier = policy.supplier
    }

    /// SHA-256 (hex) over a canonical JSON of everything shown.
    public var fingerprint: String {
        let document = JSONValue.object([
            "claims": .array(claims.map(JSONValue.string)), "purpose": purpose.map(JSONValue.string) ?? .null,
            "offline_access": .bool(offlineAccess), "supplier": .string(supplier),
            "extras": .array(extras.map { .array([.string($0.id), .string($0.description)]) }),
        ])
        return Hex.encode(SHA256.digest(document.serialized))
    }

    /// An extra disclosure the application may ask consent for.
    public struct Extra: Sendable, Equatable {
        /// Its id in the policy.
        public let id: String
        /// What it discloses and why, as the policy words it.
        public let description: String
    }
}
