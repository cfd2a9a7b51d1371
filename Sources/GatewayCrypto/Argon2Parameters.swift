/// Cost parameters of Argon2id (RFC 9106 §3.1).
public struct Argon2Parameters: Sendable, Equatable, Codable {
    /// Memory in KiB (`m`).
    public var memoryKiB: Int
    /// Passes over memory (`t`).
    public var iterations: Int
    /// Lanes (`p`).
    public var parallelism: Int

    /// OWASP's floor for Argon2id: m = 19 MiB, t = 2, p = 1.
    public static let owaspMinimum = Argon2Parameters(memoryKiB: 19_456, iterations: 2, parallelism: 1)

    /// Parameters as given.
    public init(memoryKiB: Int, iterations: Int, parallelism: Int) {
        self.memoryKiB = memoryKiB
        self.iterations = iterations
        self.parallelism = parallelism
    }

    /// Which parameter is unacceptable and why, or nil. Anything weaker than OWASP's
    /// minimum is refused, and so is anything absurd that would exhaust the machine.
    public var problem: (parameter: String, reason: String)? {
        if parallelism < 1 || parallelism > 16 { return ("parallelism", "must be between 1 and 16") }
        if iterations < Self.owaspMinimum.iterations { return ("iterations", "must be at least \(Self.owaspMinimum.iterations)") }
        if iterations > 20 { return ("iterations", "must be at most 20") }
        if memoryKiB < Self.owaspMinimum.memoryKiB { return ("memory_kib", "must be at least \(Self.owaspMinimum.memoryKiB) (19 MiB)") }
        if memoryKiB > 4_194_304 { return ("memory_kib", "must be at most 4194304 (4 GiB)") }
        return nil
    }
}
