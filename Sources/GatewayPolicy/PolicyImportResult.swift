/// The result of importing one policy: what changed, and the client secret generated on
/// the way, if one was (return it to the admin once; the store keeps only its hash).
public struct PolicyImportResult: Sendable, Equatable {
    /// What the import changed.
    public let outcome: PolicyImportOutcome
    /// The new secret when the client needed one and had none yet; nil otherwise.
    public let generatedSecret: ClientSecret?

    /// An import result.
    public init(outcome: PolicyImportOutcome, generatedSecret: ClientSecret?) {
        self.outcome = outcome
        self.generatedSecret = generatedSecret
    }
}
