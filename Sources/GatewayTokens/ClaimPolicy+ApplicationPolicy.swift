public import GatewayPolicy

extension ClaimPolicy {
    /// The claim-relevant part of an application policy.
    public init(policy: ApplicationPolicy) {
        self.init(clientID: policy.clientID, functionalCommunicationNeeded: policy.functionalCommunication.needed,
                  allowedScopes: Set(policy.allowedScopes.map(\.rawValue)))
    }
}
