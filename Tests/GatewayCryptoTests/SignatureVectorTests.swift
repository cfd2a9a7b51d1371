import GatewayCrypto
import Testing

@Test func rs256KeyOfRFC7515AppendixA2ReproducesTheRFCSignatureExactly() throws {
    // RSASSA-PKCS1-v1_5 is deterministic, so the RFC's bytes must come out again.
    let key = try SigningKey(pem: RFC7515.A2.privateKeyPEM, algorithm: .rs256)
    #expect(try key.sign(RFC7515.A2.signingInput.bytes) == [UInt8](base64URL: RFC7515.A2.signature))
    #expect(key.publicKey.parameters == .rsa(n: [UInt8](base64URL: RFC7515.A2.n), e: [UInt8](base64URL: RFC7515.A2.e)))
}

@Test func rs256SignatureOfRFC7515AppendixA2VerifiesWithTheKeyBuiltFromNAndE() throws {
    let key = try VerificationKey(parameters: .rsa(n: [UInt8](base64URL: RFC7515.A2.n), e: [UInt8](base64URL: RFC7515.A2.e)),
                                  algorithm: .rs256)
    let signature = [UInt8](base64URL: RFC7515.A2.signature)
    #expect(key.verify(signature: signature, message: RFC7515.A2.signingInput.bytes))
    #expect(!key.verify(signature: signature.flippingBit(2047), message: RFC7515.A2.signingInput.bytes))
    #expect(!key.verify(signature: signature, message: RFC7515.A2.signingInput.bytes.flippingBit(100)))
}

@Test func es256SignatureOfRFC7515AppendixA3VerifiesWithTheKeyBuiltFromXAndY() throws {
    let key = try VerificationKey(parameters: .ec(x: [UInt8](base64URL: RFC7515.A3.x), y: [UInt8](base64URL: RFC7515.A3.y)),
                                  algorithm: .es256)
    let signature = [UInt8](base64URL: RFC7515.A3.signature)
    let message = RFC7515.A3.signingInput.bytes
    #expect(key.verify(signature: signature, message: message))
    for bit in [0, 7, 255, 256, 511] {
        #expect(!key.verify(signature: signature.flippingBit(bit), message: message), "signature bit \(bit)")
    }
    for bit in [0, 100, message.count * 8 - 1] {
        #expect(!key.verify(signature: signature, message: message.flippingBit(bit)), "message bit \(bit)")
    }
}

@Test(arguments: [RFC7515.A3.privateKeyPEM, RFC7515.A3.traditionalPrivateKeyPEM])
func es256PrivateKeyOfRFC7515AppendixA3SignsWhatTheRFCPublicKeyVerifies(pem: String) throws {
    let key = try SigningKey(pem: pem, algorithm: .es256)
    let rfcPublicKey = try VerificationKey(
        parameters: .ec(x: [UInt8](base64URL: RFC7515.A3.x), y: [UInt8](base64URL: RFC7515.A3.y)), algorithm: .es256)
    #expect(key.publicKey.parameters == rfcPublicKey.parameters)
    let message = RFC7515.A3.signingInput.bytes
    #expect(rfcPublicKey.verify(signature: try key.sign(message), message: message))
}

@Test func ed25519KeyOfRFC8037ReproducesTheAppendixA4SignatureExactly() throws {
    let key = try SigningKey(pem: RFC8037.privateKeyPEM, algorithm: .edDSA)
    let signature = [UInt8](base64URL: RFC8037.signature)
    #expect(key.publicKey.parameters == .okp(x: [UInt8](base64URL: RFC8037.x)))
    #expect(try key.sign(RFC8037.signingInput.bytes) == signature)
    let rfcPublicKey = try VerificationKey(parameters: .okp(x: [UInt8](base64URL: RFC8037.x)), algorithm: .edDSA)
    #expect(rfcPublicKey.verify(signature: signature, message: RFC8037.signingInput.bytes))
    #expect(!rfcPublicKey.verify(signature: signature.flippingBit(300), message: RFC8037.signingInput.bytes))
}
