import GatewayCore
import GatewayCrypto
import GatewayJOSE

/// A sketch of the signing path without the intermediate Strings, measured next to the real
/// one so BENCHMARKS.md can say what a fix in GatewayCore/GatewayJOSE would buy. Not used
/// by the gateway: it only shows the cost that is avoidable.
///
/// Differences from `JSONValue.serialized` + `JWS.sign`:
/// - JSON is written into one reserved `[UInt8]` (no `String` per member, no
///   `[UInt8]` → `String` → `String` round trip for each escaped string);
/// - object members are sorted once as (key, value) pairs instead of sorting the keys and
///   then looking each one up in the dictionary again;
/// - integral numbers are written as digits without an intermediate `String`;
/// - the base64url header is computed once per key, the signing input is built in one
///   buffer and handed to `SigningKey.sign` without another copy, and the signature is
///   appended to the same buffer.
/// Output is byte-identical for our claim sets (ASCII keys): `run` checks it.
struct PrototypeSigner {
    let key: SigningKey
    private let headerBase64: [UInt8]

    init(key: SigningKey, keyID: String, type: String) {
        self.key = key
        var header: [UInt8] = []
        header.append(contentsOf: #"{"alg":"#.utf8)
        JSONString.append(key.algorithm.rawValue, to: &header)
        header.append(contentsOf: #","kid":"#.utf8)
        JSONString.append(keyID, to: &header)
        header.append(contentsOf: #","typ":"#.utf8)
        JSONString.append(type, to: &header)
        header.append(UInt8(ascii: "}"))
        var encoded: [UInt8] = []
        PrototypeBase64URL.append(header, to: &encoded)
        headerBase64 = encoded
    }

    func sign(_ claims: [String: JSONValue]) throws(CryptoError) -> String {
        var payload: [UInt8] = []
        payload.reserveCapacity(1024)
        PrototypeJSON.append(.object(claims), to: &payload)
        var out: [UInt8] = []
        out.reserveCapacity(headerBase64.count + payload.count * 4 / 3 + 400)
        out.append(contentsOf: headerBase64)
        out.append(UInt8(ascii: "."))
        PrototypeBase64URL.append(payload, to: &out)
        let signature = try key.sign(out)
        out.append(UInt8(ascii: "."))
        PrototypeBase64URL.append(signature, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// Compact sorted-key JSON into a byte buffer, same output as `JSONValue.serialized`.
enum PrototypeJSON {
    static func append(_ value: JSONValue, to out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let number): appendNumber(number, to: &out)
        case .string(let text): JSONString.append(text, to: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                append(element, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, member) in members.sorted(by: { $0.key < $1.key }) {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                JSONString.append(key, to: &out)
                out.append(UInt8(ascii: ":"))
                append(member, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func appendNumber(_ number: Double, to out: inout [UInt8]) {
        guard number.isFinite else { return out.append(contentsOf: "null".utf8) }
        guard number == number.rounded(), abs(number) < 9_007_199_254_740_992 else {
            return out.append(contentsOf: String(number).utf8)
        }
        var magnitude = UInt64(abs(number))
        if number < 0 { out.append(UInt8(ascii: "-")) }
        var digits: (UInt64, Int) = (0, 0) // reversed digits packed 4 bits each: up to 16 digits
        repeat {
            digits.0 = digits.0 << 4 | magnitude % 10
            digits.1 += 1
            magnitude /= 10
        } while magnitude > 0
        for _ in 0..<digits.1 {
            out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: digits.0 & 0xF))
            digits.0 >>= 4
        }
    }
}

/// base64url without padding, appended to a byte buffer.
enum PrototypeBase64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func append(_ bytes: [UInt8], to out: inout [UInt8]) {
        out.reserveCapacity(out.count + (bytes.count * 4 + 2) / 3)
        alphabet.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { input in
                var index = 0
                while index + 3 <= input.count {
                    let chunk = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
                    out.append(table[Int(chunk >> 18)])
                    out.append(table[Int(chunk >> 12 & 0x3F)])
                    out.append(table[Int(chunk >> 6 & 0x3F)])
                    out.append(table[Int(chunk & 0x3F)])
                    index += 3
                }
                let rest = input.count - index
                if rest > 0 {
                    let chunk = UInt32(input[index]) << 16 | (rest == 2 ? UInt32(input[index + 1]) << 8 : 0)
                    out.append(table[Int(chunk >> 18)])
                    out.append(table[Int(chunk >> 12 & 0x3F)])
                    if rest == 2 { out.append(table[Int(chunk >> 6 & 0x3F)]) }
                }
            }
        }
    }
}
