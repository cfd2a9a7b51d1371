import GatewayCrypto

extension Argon2Parameters {
    /// The cost parameters of an Argon2id PHC string
    /// (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`); nil when `encoded` is not one.
    init?(argon2idPHC encoded: String) {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].isEmpty, parts[1] == "argon2id", parts[2] == "v=19",
              !parts[4].isEmpty, !parts[5].isEmpty else { return nil }
        var values: [Substring: Int] = [:]
        for pair in parts[3].split(separator: ",") {
            let keyValue = pair.split(separator: "=", maxSplits: 1)
            guard keyValue.count == 2, let value = Int(keyValue[1]) else { return nil }
            values[keyValue[0]] = value
        }
        guard values.count == 3, let memory = values["m"], let iterations = values["t"], let lanes = values["p"] else {
            return nil
        }
        self.init(memoryKiB: memory, iterations: iterations, parallelism: lanes)
    }
}
