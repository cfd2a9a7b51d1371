import Foundation
import GatewayCrypto
import Testing

private let otherAlgorithms: [(key: SignatureAlgorithm, refusedFor: SignatureAlgorithm)] =
    SignatureAlgorithm.allCases.flatMap { key in SignatureAlgorithm.allCases.filter { $0 != key }.map { (key, $0) } }

@Test(arguments: otherAlgorithms)
func keyOfOneAlgorithmIsRefusedForAnother(key: SignatureAlgorithm, refusedFor algorithm: SignatureAlgorithm) throws {
    let source = GeneratedKeys.key(key)
    let privatePEM = try source.privateKeyPEM(), publicPEM = try source.publicKey.publicKeyPEM()
    let fromPrivatePEM = #expect(throws: CryptoError.self) { try SigningKey(pem: privatePEM, algorithm: algorithm) }
    let fromPublicPEM = #expect(throws: CryptoError.self) { try VerificationKey(pem: publicPEM, algorithm: algorithm) }
    let fromParameters = #expect(throws: CryptoError.self) {
        try VerificationKey(parameters: source.publicKey.parameters, algorithm: algorithm)
    }
    #expect(fromPrivatePEM?.isAlgorithmMismatch == true)
    #expect(fromPublicPEM?.isAlgorithmMismatch == true)
    #expect(fromParameters?.isAlgorithmMismatch == true)
}

@Test func rsa1024KeyIsRefusedForRS256FromPEMAndFromParameters() throws {
    let fromPEM = #expect(throws: CryptoError.self) { try SigningKey(pem: UnacceptableKeys.rsa1024PEM, algorithm: .rs256) }
    #expect(fromPEM == .invalidKey("RSA modulus of 1024 bits is below the 2048-bit minimum"))
    let n = [UInt8](base64URL: RFC7515.A2.n).prefix(128)
    let fromParameters = #expect(throws: CryptoError.self) {
        try VerificationKey(parameters: .rsa(n: Array(n), e: [1, 0, 1]), algorithm: .rs256)
    }
    #expect(fromParameters == .invalidKey("RSA modulus of 1024 bits is below the 2048-bit minimum"))
}

@Test(arguments: [[UInt8]([2]), [1], [1, 0, 0], [0x01, 0, 0, 0, 0, 0, 0, 0, 1]])
func rsaExponentThatIsEvenOneOrLongerThan64BitsIsRefused(e: [UInt8]) {
    let error = #expect(throws: CryptoError.self) {
        try VerificationKey(parameters: .rsa(n: [UInt8](base64URL: RFC7515.A2.n), e: e), algorithm: .rs256)
    }
    #expect(error?.isInvalidKey == true)
}

@Test func evenRSAModulusIsRefused() {
    let n = Array([UInt8](base64URL: RFC7515.A2.n).dropLast()) + [0x02]
    let error = #expect(throws: CryptoError.self) { try VerificationKey(parameters: .rsa(n: n, e: [1, 0, 1]), algorithm: .rs256) }
    #expect(error == .invalidKey("RSA modulus must be odd"))
}

@Test func p384KeyIsRefusedForES256() {
    let error = #expect(throws: CryptoError.self) { try SigningKey(pem: UnacceptableKeys.p384PEM, algorithm: .es256) }
    #expect(error == .algorithmMismatch(expected: .es256, found: "EC secp384r1"))
}

@Test func ed448KeyIsRefusedForEdDSA() {
    let error = #expect(throws: CryptoError.self) { try SigningKey(pem: UnacceptableKeys.ed448PEM, algorithm: .edDSA) }
    #expect(error == .algorithmMismatch(expected: .edDSA, found: "ED448"))
}

@Test func ecPointNotOnTheCurveIsRefused() {
    let x = [UInt8](base64URL: RFC7515.A3.x), y = [UInt8](base64URL: RFC7515.A3.y)
    for (x, y) in [(x, y.flippingBit(255)), (x.flippingBit(0), y), ([UInt8](repeating: 0, count: 32), [UInt8](repeating: 0, count: 32))] {
        let error = #expect(throws: CryptoError.self) { try VerificationKey(parameters: .ec(x: x, y: y), algorithm: .es256) }
        #expect(error?.isInvalidKey == true)
    }
}

@Test(arguments: [
    PublicKeyParameters.ec(x: [UInt8](repeating: 1, count: 31), y: [UInt8](repeating: 1, count: 32)),
    .ec(x: [UInt8](repeating: 1, count: 32), y: [UInt8](repeating: 1, count: 33)),
    .okp(x: [UInt8](repeating: 1, count: 31)),
    .okp(x: []),
    .rsa(n: [], e: [1, 0, 1]),
])
func parametersOfTheWrongLengthAreRefused(parameters: PublicKeyParameters) {
    let algorithm: SignatureAlgorithm = switch parameters {
    case .ec: .es256
    case .rsa: .rs256
    case .okp: .edDSA
    }
    let error = #expect(throws: CryptoError.self) { try VerificationKey(parameters: parameters, algorithm: algorithm) }
    #expect(error?.isInvalidKey == true)
}

@Test(arguments: ["", "garbage", "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n",
                  String(RFC7515.A3.privateKeyPEM.dropLast(40)), RFC7515.A3.privateKeyPEM.replacingOccurrences(of: "M", with: "N")])
func garbagePEMIsACryptoErrorThatDoesNotQuoteTheInput(pem: String) {
    let signing = #expect(throws: CryptoError.self) { try SigningKey(pem: pem, algorithm: .es256) }
    let verification = #expect(throws: CryptoError.self) { try VerificationKey(pem: pem, algorithm: .es256) }
    #expect(signing?.isInvalidKey == true && verification?.isInvalidKey == true)
    #expect(signing.map { "\($0)".contains("MIGHAgEA") } == false)
}

@Test func publicPEMIsRefusedAsAPrivateKeyAndPrivatePEMAsAPublicKey() throws {
    let key = GeneratedKeys.key(.es256)
    let publicPEM = try key.publicKey.publicKeyPEM(), privatePEM = try key.privateKeyPEM()
    #expect(throws: CryptoError.self) { try SigningKey(pem: publicPEM, algorithm: .es256) }
    #expect(throws: CryptoError.self) { try VerificationKey(pem: privatePEM, algorithm: .es256) }
}

@Test func encryptedPrivateKeyIsRefusedWithoutPromptingForAPassphrase() {
    let error = #expect(throws: CryptoError.self) { try SigningKey(pem: UnacceptableKeys.encryptedP256PEM, algorithm: .es256) }
    #expect(error == .invalidKey("encrypted private keys are not supported"))
}

@Test func privateKeyWhoseHalvesDoNotMatchIsRefused() {
    let error = #expect(throws: CryptoError.self) { try SigningKey(pem: UnacceptableKeys.mismatchedP256PEM, algorithm: .es256) }
    #expect(error?.isInvalidKey == true)
}
