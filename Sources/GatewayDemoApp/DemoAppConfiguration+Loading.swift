import Foundation
import GatewayPolicy

extension DemoAppConfiguration {
    /// Largest accepted secret file: a generated secret is well under a hundred bytes.
    static let maximumSecretFileBytes = 4096

    /// The configuration for the policy in `policyFile`, the secret (when given) read from
    /// `clientSecretFile` (surrounding whitespace removed).
    public static func load(policyFile: String, issuer: String, clientSecretFile: String?, host: String?)
        throws(DemoAppConfigurationError) -> DemoAppConfiguration {
        let policy: ApplicationPolicy
        do { policy = try PolicyParser.loadFile(policyFile) } catch {
            throw DemoAppConfigurationError(field: "--policy", reason: "the policy is not valid:\n" + error.description)
        }
        let secret = try clientSecretFile.map { path throws(DemoAppConfigurationError) in try readSecret(path) }
        return try DemoAppConfiguration(policy: policy, issuer: issuer, clientSecret: secret, host: host)
    }

    /// The secret in `path`; the message never quotes the file's content.
    static func readSecret(_ path: String) throws(DemoAppConfigurationError) -> ClientSecret {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DemoAppConfigurationError(field: "--client-secret-file", reason: "cannot read \(path)")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: maximumSecretFileBytes + 1)) ?? nil
        guard let data, data.count <= maximumSecretFileBytes, let text = String(data: data, encoding: .utf8) else {
            throw DemoAppConfigurationError(field: "--client-secret-file", reason: "\(path) is not a UTF-8 text file of at most \(maximumSecretFileBytes) bytes")
        }
        let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty, !secret.contains(where: \.isNewline) else {
            throw DemoAppConfigurationError(field: "--client-secret-file", reason: "\(path) must hold exactly one line: the client secret")
        }
        return ClientSecret(secret)
    }
}
