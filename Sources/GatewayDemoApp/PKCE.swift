public import GatewayCore
import GatewayCrypto
import GatewayJOSE

/// Proof Key for Code Exchange (RFC 7636) with the S256 method only.
public enum PKCE {
    /// A new `code_verifier`: 32 random bytes, base64url-encoded to 43 characters of the
    /// unreserved set (RFC 7636 §4.1 recommends exactly this).
    public static func newVerifier(random: any RandomSource) -> String {
        Base64URL.encode(random.bytes(32))
    }

    /// `code_challenge = BASE64URL(SHA256(ASCII(code_verifier)))` (RFC 7636 §4.2, S256).
    public static func challenge(for verifier: String) -> String {
        Base64URL.encode(SHA256.digest(Array(verifier.utf8)))
    }
}
