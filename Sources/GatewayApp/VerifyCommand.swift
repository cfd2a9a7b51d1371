import Dispatch
import Foundation
import GatewayCore
import GatewayVerifier
import Synchronization

/// `gateway verify TOKEN --issuer URL --audience ID`: what a partner's verification says
/// about a token — its claims, or the exact reason it is rejected.
enum VerifyCommand {
    static let usage = """
        Usage: gateway verify TOKEN|- --issuer URL --audience CLIENT_ID [--jwks-url URL] [--type access|id|any]
          (- reads the token from standard input, for tokens too long for a command line)
          Fetches the JWKS (default ISSUER/jwks.json), verifies signature, iss, aud, exp/nbf/iat and typ,
          and prints the claims (exit 0) or the reason for rejection (exit 1).
        """

    static func run(_ arguments: [String]) -> Int32 {
        var options = CommandOptions(arguments)
        guard let issuer = options.value("--issuer"), let audience = options.value("--audience") else {
            return CommandLineInterface.fail(usage, code: 64)
        }
        let jwksURL = options.value("--jwks-url").flatMap(URL.init(string:))
        let type: String? = switch options.value("--type") ?? "any" {
        case "access": "at+jwt"
        case "id": "JWT"
        default: nil
        }
        guard var token = options.positional.first, options.positional.count == 1 else { return CommandLineInterface.fail(usage, code: 64) }
        if token == "-" { token = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) }
        let verifier = GatewayVerifier(issuer: issuer, audience: audience,
                                       keySource: jwksURL.map { HTTPKeySetSource(url: $0) } as (any KeySetSource)?)
        let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
        let outcome = waitFor { () async -> Result<GatewayClaims, GatewayVerifierError> in
            do throws(GatewayVerifierError) { return .success(try await verifier.verify(trimmed, type: type)) } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let claims):
            print(JSONValue.object(claims.all).serialized)
            return 0
        case .failure(let error):
            return CommandLineInterface.fail("rejected: \(error.description)", code: 1)
        }
    }

    /// Runs async work from the synchronous CLI and waits for its result.
    private static func waitFor<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let value = await work()
            box.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return box.withLock { $0! }
    }
}
