import Foundation
import GatewayCrypto
import GatewayJOSE
import GatewayTesting
import GatewayTokens

/// A key directory with an active key for every algorithm, and an issuer signing with it.
struct TokenTestKeys {
    let directory: TemporaryDirectory
    let issuer: TokenIssuer
    let keys: JSONWebKeySet

    init(prefix: String) throws {
        directory = TemporaryDirectory(prefix: prefix)
        let admin = KeyAdministration(directory: directory.path)
        for algorithm in SignatureAlgorithm.allCases { try admin.generate(algorithm) }
        let provider = try KeyRingProvider(directory: directory.path)
        issuer = TokenIssuer(signer: TokenSigner(keys: provider), issuer: "https://login.example.org", accessTokenAlgorithm: .es256,
                             random: SecureRandom())
        keys = provider.ring().publicKeys(at: Date())
    }
}
