/// Why the demo application cannot start: names the option or policy field and the reason,
/// never a secret.
public struct DemoAppConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The option or policy field, e.g. `--issuer` or `redirect_uris[0]`.
    public let field: String
    /// What is wrong with it.
    public let reason: String

    /// An error about `field`.
    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    /// `gateway demo-app: FIELD: REASON`.
    public var description: String { "gateway demo-app: \(field): \(reason)" }
}
