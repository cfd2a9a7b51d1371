import GatewayCrypto
import Testing

private let rfcKey = Result { try VerificationKey(
    parameters: .ec(x: [UInt8](base64URL: RFC7515.A3.x), y: [UInt8](base64URL: RFC7515.A3.y)), algorithm: .es256) }
private let rfcMessage = RFC7515.A3.signingInput.bytes
private let rfcSignature = [UInt8](base64URL: RFC7515.A3.signature)
/// The order n of the P-256 group (SEC 2 §2.4.2).
private let p256Order = [UInt8](hex: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551")

/// JWS ES256 signatures that must not verify, each a small change to the RFC's valid one.
private let malformedSignatures: [(label: String, signature: [UInt8])] = {
    let r = Array(rfcSignature[..<32]), s = Array(rfcSignature[32...])
    let zero = [UInt8](repeating: 0, count: 32), ones = [UInt8](repeating: 0xFF, count: 32)
    return [
        ("63 bytes", Array(rfcSignature.dropLast())),
        ("65 bytes", rfcSignature + [0]),
        ("empty", []),
        ("all zero", zero + zero),
        ("r zero", zero + s),
        ("s zero", r + zero),
        ("r equal to the order", p256Order + s),
        ("s all ones", r + ones),
        ("DER encoded", derEncodedECDSASignature(rfcSignature)),
    ]
}()

@Test(arguments: malformedSignatures)
func malformedES256SignatureIsFalse(label: String, signature: [UInt8]) throws {
    let key = try rfcKey.get()
    #expect(key.verify(signature: rfcSignature, message: rfcMessage))
    #expect(!key.verify(signature: signature, message: rfcMessage), "\(label)")
}

@Test(arguments: SignatureAlgorithm.allCases)
func truncatedExtendedOrEmptySignatureIsFalseForEveryAlgorithm(algorithm: SignatureAlgorithm) throws {
    let key = GeneratedKeys.key(algorithm)
    let signature = try key.sign(rfcMessage)
    for candidate in [Array(signature.dropLast()), signature + [0], [], [UInt8](repeating: 0, count: signature.count)] {
        #expect(!key.publicKey.verify(signature: candidate, message: rfcMessage))
    }
    #expect(key.publicKey.verify(signature: signature, message: rfcMessage))
}
