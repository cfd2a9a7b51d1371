import GatewayCrypto
import GatewayJOSE

/// Proof Key for Code Exchange with S256 (RFC 7636).
public enum PKCE {
    /// Whether `challenge` can be a S256 challenge: base64url of 32 bytes (§4.2).
    public static func isWellFormedChallenge(_ challenge: String) -> Bool {
        challenge.utf8.count == 43 && Base64URL.decode(challenge)?.count == 32
    }

    /// Whether `verifier` is well-formed (§4.1: 43–128 unreserved characters) and its
    /// S256 transform equals `challenge` (§4.6).
    public static func verify(_ verifier: String, challenge: String) -> Bool {
        let bytes = Array(verifier.utf8)
        guard (43...128).contains(bytes.count), bytes.allSatisfy(isUnreserved) else { return false }
        return ConstantTime.equal(Base64URL.encode(SHA256.digest(bytes)), challenge)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): true
        default: false
        }
    }
}
