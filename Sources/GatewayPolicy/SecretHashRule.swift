/// The client secret is stored only as an Argon2id hash in PHC string format
/// (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`, as libargon2 encodes it). Reasons never
/// echo the value: if someone pasted a clear-text secret, it must not reach a log too.
enum SecretHashRule {
    static let format = "$argon2id$v=19$m=…,t=…,p=…$salt$hash"

    /// Why `hash` is not an Argon2id PHC string, or nil.
    static func problem(_ hash: String) -> String? {
        let parts = hash.split(separator: "$", omittingEmptySubsequences: false)
        guard hash.hasPrefix("$argon2id$"), parts.count == 6 else {
            return "must be an Argon2id hash in PHC format (\(format)); a clear-text secret never belongs in a policy"
        }
        guard parts[2] == "v=19" else { return "must be an Argon2 version 19 hash (v=19)" }
        guard hasValidParameters(parts[3]) else { return "has invalid Argon2 parameters (expected m=…,t=…,p=… with whole numbers)" }
        guard isBase64(parts[4], minimumLength: 11), isBase64(parts[5], minimumLength: 22) else {
            return "salt and hash must be unpadded base64 (salt at least 8 bytes, hash at least 16)"
        }
        return nil
    }

    private static func hasValidParameters(_ text: Substring) -> Bool {
        let pairs = text.split(separator: ",", omittingEmptySubsequences: false)
        guard pairs.count == 3 else { return false }
        return zip(["m=", "t=", "p="], pairs).allSatisfy { prefix, pair in
            guard pair.hasPrefix(prefix), let value = UInt32(pair.dropFirst(2)) else { return false }
            return value > 0
        }
    }

    private static func isBase64(_ text: Substring, minimumLength: Int) -> Bool {
        text.utf8.count >= minimumLength && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "/")
        }
    }
}
