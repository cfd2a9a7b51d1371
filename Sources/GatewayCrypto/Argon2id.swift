internal import CArgon2
public import GatewayCore

/// Argon2id password hashing through libargon2, stored as a PHC string
/// (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`).
public struct Argon2id: Sendable {
    /// Cost parameters used for new hashes.
    public let parameters: Argon2Parameters
    private let random: any RandomSource
    private static let saltLength = 16
    private static let hashLength = 32

    /// A hasher with `parameters`, drawing salts from `random`.
    public init(parameters: Argon2Parameters, random: any RandomSource = SecureRandom()) {
        self.parameters = parameters
        self.random = random
    }

    /// The PHC string of `password` with a fresh 128-bit salt.
    public func hash(password: String) throws(Argon2Error) -> String {
        let salt = random.bytes(Self.saltLength)
        let pwd = Array(password.utf8)
        let length = argon2_encodedlen(UInt32(parameters.iterations), UInt32(parameters.memoryKiB),
                                       UInt32(parameters.parallelism), UInt32(salt.count), UInt32(Self.hashLength),
                                       Argon2_id)
        var encoded = [CChar](repeating: 0, count: length)
        let code = argon2id_hash_encoded(UInt32(parameters.iterations), UInt32(parameters.memoryKiB),
                                         UInt32(parameters.parallelism), pwd, pwd.count, salt, salt.count,
                                         Self.hashLength, &encoded, length)
        guard code == ARGON2_OK.rawValue else { throw Argon2Error(code: code) }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when `password` matches the PHC string `encoded` (libargon2 compares in
    /// constant time). A malformed `encoded` is an error, not a mismatch.
    public func verify(password: String, encoded: String) throws(Argon2Error) -> Bool {
        let pwd = Array(password.utf8)
        let code = argon2id_verify(encoded, pwd, pwd.count)
        if code == ARGON2_OK.rawValue { return true }
        if code == ARGON2_VERIFY_MISMATCH.rawValue { return false }
        throw Argon2Error(code: code)
    }

    /// True when `encoded` was made with parameters other than the current ones, so a
    /// successful login should store a fresh hash.
    public func needsRehash(_ encoded: String) -> Bool {
        let expected = "$argon2id$v=19$m=\(parameters.memoryKiB),t=\(parameters.iterations),p=\(parameters.parallelism)$"
        return !encoded.hasPrefix(expected)
    }
}

/// A libargon2 failure, with the library's own message.
public struct Argon2Error: Error, Sendable, CustomStringConvertible {
    /// libargon2's error code.
    public let code: Int32

    /// libargon2's description of the code.
    public var description: String { "argon2: " + String(cString: argon2_error_message(code)) }
}
