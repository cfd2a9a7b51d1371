import Foundation
import GatewayCrypto

extension Array where Element == UInt8 {
    /// The bytes of an unpadded base64url string (RFC 7515 §2); traps on a malformed fixture.
    init(base64URL text: String) {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.count % 4) % 4)
        guard let data = Data(base64Encoded: standard) else { preconditionFailure("fixture is not base64url: \(text)") }
        self = Array(data)
    }

    /// The bytes of a hex string such as a SEC 2 constant; traps on a malformed fixture.
    init(hex: String) {
        let digits = Array(hex.utf8)
        self = stride(from: 0, to: digits.count, by: 2).map { index in
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else {
                preconditionFailure("fixture is not hex: \(hex)")
            }
            return byte
        }
    }

    /// A copy with bit `bit` (0 = most significant bit of byte 0) inverted.
    func flippingBit(_ bit: Int) -> [UInt8] {
        var copy = self
        copy[bit / 8] ^= 0x80 >> UInt8(bit % 8)
        return copy
    }
}

extension String {
    /// The UTF-8 bytes, as signing inputs are handed to the primitives.
    var bytes: [UInt8] { Array(utf8) }
}

extension CryptoError {
    /// True for `.algorithmMismatch`, whatever it names.
    var isAlgorithmMismatch: Bool {
        if case .algorithmMismatch = self { return true }
        return false
    }

    /// True for `.invalidKey`, whatever the reason.
    var isInvalidKey: Bool {
        if case .invalidKey = self { return true }
        return false
    }
}

/// One generated key per algorithm, shared by the tests that need any valid key (RSA key
/// generation takes a noticeable fraction of a second).
enum GeneratedKeys {
    static let byAlgorithm: [SignatureAlgorithm: SigningKey] = Dictionary(uniqueKeysWithValues: SignatureAlgorithm.allCases.map {
        // A failure here fails every test that uses the keys, with this message.
        guard let key = try? SigningKey.generate($0) else { preconditionFailure("cannot generate a \($0.rawValue) key") }
        return ($0, key)
    })

    static func key(_ algorithm: SignatureAlgorithm) -> SigningKey { byAlgorithm[algorithm]! }
}

/// The DER `ECDSA-Sig-Value` of a 64-byte JWS `r || s`, built independently of the code under test.
func derEncodedECDSASignature(_ raw: [UInt8]) -> [UInt8] {
    func integer(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var value = Array(bytes.drop { $0 == 0 })
        if value.first.map({ $0 & 0x80 != 0 }) ?? true { value.insert(0, at: 0) }
        return [0x02, UInt8(value.count)] + value
    }
    let body = integer(raw[0..<32]) + integer(raw[32..<64])
    return [0x30, UInt8(body.count)] + body
}
