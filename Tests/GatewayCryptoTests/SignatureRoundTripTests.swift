import GatewayCrypto
import Testing

private let message = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJwYXRyb24ifQ".bytes

@Test(arguments: SignatureAlgorithm.allCases)
func generatedKeySignsAndOnlyItsOwnPublicKeyVerifies(algorithm: SignatureAlgorithm) throws {
    let key = try SigningKey.generate(algorithm)
    let signature = try key.sign(message)
    #expect(key.algorithm == algorithm && key.publicKey.algorithm == algorithm)
    #expect(key.publicKey.verify(signature: signature, message: message))
    #expect(!key.publicKey.verify(signature: signature, message: message + [0x2E]))
    #expect(!GeneratedKeys.key(algorithm).publicKey.verify(signature: signature, message: message))
}

@Test(arguments: [(SignatureAlgorithm.es256, 64), (.rs256, 256), (.edDSA, 64)])
func signaturesHaveTheirJWSLength(algorithm: SignatureAlgorithm, length: Int) throws {
    let key = GeneratedKeys.key(algorithm)
    #expect(try key.sign(message).count == length)
    #expect(try key.sign([]).count == length)
    #expect(key.publicKey.verify(signature: try key.sign([]), message: []))
}

@Test func onlyES256SignaturesDifferFromOneSignatureToTheNext() throws {
    // ECDSA draws a fresh nonce; PKCS#1 v1.5 and Ed25519 are deterministic.
    for algorithm in SignatureAlgorithm.allCases {
        let key = GeneratedKeys.key(algorithm)
        #expect((try key.sign(message) != key.sign(message)) == (algorithm == .es256), "\(algorithm)")
    }
}

@Test(arguments: SignatureAlgorithm.allCases)
func privateKeyPEMRoundTripGivesAKeyThatVerifiesTheOriginalsSignatures(algorithm: SignatureAlgorithm) throws {
    let original = GeneratedKeys.key(algorithm)
    let pem = try original.privateKeyPEM()
    #expect(pem.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
    let restored = try SigningKey(pem: pem, algorithm: algorithm)
    #expect(restored.publicKey.parameters == original.publicKey.parameters)
    #expect(restored.publicKey.verify(signature: try original.sign(message), message: message))
    #expect(original.publicKey.verify(signature: try restored.sign(message), message: message))
}

@Test(arguments: SignatureAlgorithm.allCases)
func publicKeyPEMRoundTripVerifiesTheOriginalsSignatures(algorithm: SignatureAlgorithm) throws {
    let original = GeneratedKeys.key(algorithm)
    let pem = try original.publicKey.publicKeyPEM()
    #expect(pem.hasPrefix("-----BEGIN PUBLIC KEY-----\n"))
    let restored = try VerificationKey(pem: pem, algorithm: algorithm)
    #expect(restored.parameters == original.publicKey.parameters)
    #expect(restored.verify(signature: try original.sign(message), message: message))
}

@Test(arguments: SignatureAlgorithm.allCases)
func publicParametersRoundTripThroughVerificationKey(algorithm: SignatureAlgorithm) throws {
    let original = GeneratedKeys.key(algorithm)
    let restored = try VerificationKey(parameters: original.publicKey.parameters, algorithm: algorithm)
    #expect(restored.parameters == original.publicKey.parameters)
    #expect(restored.verify(signature: try original.sign(message), message: message))
    #expect(try restored.publicKeyPEM() == original.publicKey.publicKeyPEM())
}

@Test func publicParametersHaveTheLengthsJWKRequires() {
    guard case let .ec(x, y) = GeneratedKeys.key(.es256).publicKey.parameters,
          case let .rsa(n, e) = GeneratedKeys.key(.rs256).publicKey.parameters,
          case let .okp(okp) = GeneratedKeys.key(.edDSA).publicKey.parameters else {
        Issue.record("parameters of the wrong family")
        return
    }
    #expect(x.count == 32 && y.count == 32)
    #expect(n.count == 256 && n.first != 0)
    #expect(e == [0x01, 0x00, 0x01])
    #expect(okp.count == 32)
}

@Test func rsaParametersWithLeadingZeroBytesAreAcceptedAndCanonicalised() throws {
    let n = [UInt8](base64URL: RFC7515.A2.n), e = [UInt8](base64URL: RFC7515.A2.e)
    let key = try VerificationKey(parameters: .rsa(n: [0, 0] + n, e: [0] + e), algorithm: .rs256)
    #expect(key.parameters == .rsa(n: n, e: e))
}
