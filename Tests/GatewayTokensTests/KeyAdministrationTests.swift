import Foundation
import GatewayCore
import GatewayCrypto
import GatewayJOSE
import GatewayTesting
import GatewayTokens
import Testing

@Suite struct KeyAdministrationTests {
    let directory = TemporaryDirectory(prefix: "keys")

    @Test func firstKeyIsActiveAtOnceAndPrivateToItsOwner() throws {
        let admin = KeyAdministration(directory: directory.path)
        let entry = try #require(try admin.generate(.es256))
        let ring = try KeyRing(directory: directory.path)
        #expect(ring.signingKey(for: .es256, at: Date())?.kid == entry.kid)
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.file(entry.file))
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try admin.generate(.es256, ifMissing: true) == nil)
        #expect(throws: KeyRingError.alreadyHasKey(algorithm: "ES256")) { try admin.generate(.es256) }
    }

    @Test func rotationPublishesFirstThenTakesOverByItself() throws {
        let admin = KeyAdministration(directory: directory.path, maxTokenLifetime: 600)
        let start = Date()
        let old = try #require(try admin.generate(.es256, now: start))
        let new = try admin.rotate(.es256, publishFor: 3600, now: start)
        let ring = try KeyRing(directory: directory.path)
        let soon = start.addingTimeInterval(60)
        #expect(ring.signingKey(for: .es256, at: soon)?.kid == old.kid)
        #expect(Set(ring.publicKeys(at: soon).keys.map(\.keyID)) == [old.kid, new.kid])
        let later = start.addingTimeInterval(3601)
        #expect(ring.signingKey(for: .es256, at: later)?.kid == new.kid)
        #expect(Set(ring.publicKeys(at: later).keys.map(\.keyID)) == [old.kid, new.kid])
    }

    @Test func tokenSignedBeforeRotationVerifiesUntilItsKeyIsRetired() throws {
        let admin = KeyAdministration(directory: directory.path, maxTokenLifetime: 600)
        let start = Date().addingTimeInterval(-10_000)
        let old = try #require(try admin.generate(.es256, now: start))
        let provider = try KeyRingProvider(directory: directory.path, checkInterval: 0)
        let token = try TokenSigner(keys: provider).sign(["sub": .string("x")], algorithm: .es256, type: "at+jwt", at: start)
        _ = try admin.rotate(.es256, publishFor: 3600, now: start)
        let afterRotation = start.addingTimeInterval(4000)
        #expect(try JWS.verify(token, keys: provider.ring().publicKeys(at: afterRotation)).keyID == old.kid)
        #expect(throws: KeyRingError.self) { try admin.retire(old.kid, now: start.addingTimeInterval(3700)) }
        try admin.retire(old.kid, now: start.addingTimeInterval(4300))
        let now = Date()
        #expect(throws: JOSEError.unknownKey(kid: old.kid)) { try JWS.verify(token, keys: provider.ring().publicKeys(at: now)) }
    }

    @Test func activeKeyCannotBeRetiredWithoutForce() throws {
        let admin = KeyAdministration(directory: directory.path)
        let entry = try #require(try admin.generate(.edDSA))
        #expect(throws: KeyRingError.self) { try admin.retire(entry.kid) }
        try admin.retire(entry.kid, force: true)
        #expect(try admin.list().first?.state == .retired)
    }

    @Test func groupReadableKeyFileStopsLoadingWithTheFix() throws {
        let entry = try #require(try KeyAdministration(directory: directory.path).generate(.rs256))
        let path = directory.file(entry.file)
        chmod(path, 0o640)
        #expect(throws: KeyRingError.insecurePermissions(path: path)) { try KeyRing(directory: directory.path) }
        do { _ = try KeyRing(directory: directory.path) } catch { #expect(error.description.contains("chmod 600")) }
    }

    @Test func replacedKeyFileIsDetected() throws {
        let admin = KeyAdministration(directory: directory.path)
        let entry = try #require(try admin.generate(.es256))
        let other = try SigningKey.generate(.es256).privateKeyPEM()
        try other.write(toFile: directory.file(entry.file), atomically: false, encoding: .utf8)
        #expect(throws: KeyRingError.thumbprintMismatch(kid: entry.kid, path: directory.file(entry.file))) {
            try KeyRing(directory: directory.path)
        }
    }

    @Test func missingActiveKeyIsReportedWithTheCommandThatFixesIt() throws {
        let ring = try KeyRing(directory: directory.path)
        do {
            try ring.requireActiveKeys([.es256], at: Date(), directory: directory.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("gateway keys generate --alg ES256"))
        }
    }
}
