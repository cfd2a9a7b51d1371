/// One dependency `/readyz` probes. The probe throws when the dependency is unusable; the
/// error itself is logged (type only), never shown to the caller.
public struct ReadinessCheck: Sendable {
    /// Public name in the `/readyz` body (`redis`, `store`).
    public let name: String
    /// Throws when the dependency cannot serve requests.
    public let probe: @Sendable () throws -> Void

    /// A named probe.
    public init(name: String, probe: @escaping @Sendable () throws -> Void) {
        self.name = name
        self.probe = probe
    }
}
