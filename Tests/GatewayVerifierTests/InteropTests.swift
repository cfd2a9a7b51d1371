import Foundation
import GatewayCore
import GatewayCrypto
import GatewayJOSE
import GatewayPolicy
import GatewayTesting
import GatewayTokens
import GatewayVerifier
import Testing

/// Interop both ways with Python's jwcrypto and PyJWT (the scripts in Tests/Interop/),
/// against a real gateway serving its JWKS (`KeyServer`).
@Suite struct InteropTests {
    @Test func ourTokensVerifyInJwcryptoAndPyJWT() async throws {
        let server = try KeyServer()
        var requests: [Interop.Request] = []
        for algorithm in SignatureAlgorithm.allCases {
            for type in [TokenSigner.accessTokenType, TokenSigner.idTokenType] {
                requests.append(.init(label: "\(algorithm.rawValue) \(type)", token: try server.token(algorithm, type: type),
                                      audience: "e-books", type: type))
            }
        }
        for (request, views) in zip(requests, try Interop.verifyInPython(requests, server: server)) {
            for view in views {
                #expect(view.claims?["sub"] as? String == "ml-1", "\(view.source) on \(request.label): \(view.error ?? "")")
                #expect(view.claims?["mylibrary_id"] as? String == "ml-1", "\(view.source) on \(request.label)")
                #expect(view.claims?["library"] as? String == "bibliotheek-noord", "\(view.source) on \(request.label)")
            }
        }
    }

    @Test func theirTokensVerifyInGatewayVerifier() async throws {
        let server = try KeyServer()
        let signed = try Interop.python("sign_tokens.py", ["--keys-dir", server.directory.path, "--issuer", server.issuer,
                                                           "--audience", "e-books"])
        let made = Set(signed.map { "\($0["library"] as? String ?? "?") \($0["alg"] as? String ?? "?")" })
        #expect(made == Set(["pyjwt", "jwcrypto"].flatMap { library in SignatureAlgorithm.allCases.map { "\(library) \($0.rawValue)" } }))
        let verifier = GatewayVerifier(issuer: server.issuer, audience: "e-books")
        for entry in signed {
            let label = "\(entry["library"] as? String ?? "?") \(entry["alg"] as? String ?? "?")"
            do {
                let claims = try await verifier.verifyAccessToken(entry["token"] as? String ?? "")
                #expect(claims.subject == "ml-python-1" && claims.mylibraryID == "ml-python-1", "\(label)")
                #expect(claims.library == "bibliotheek-zuid" && claims.clientID == "e-books" && claims.scopes == ["openid"], "\(label)")
                #expect(claims.issuer == server.issuer && claims.audience == ["e-books"], "\(label)")
            } catch {
                Issue.record("GatewayVerifier rejected the \(label) token: \(error)")
            }
        }
    }

    @Test func negativeCorpusIsRejectedByEveryone() async throws {
        let server = try KeyServer()
        let corpus = try Interop.python("negative_corpus.py", ["--keys-dir", server.directory.path, "--issuer", server.issuer,
                                                               "--audience", "e-books", "--jwks-url", server.issuer + "/jwks.json"])
        #expect(corpus.count >= 35)
        let verifier = GatewayVerifier(issuer: server.issuer, audience: "e-books")
        for entry in corpus {
            let name = entry["name"] as? String ?? "?", token = entry["token"] as? String ?? ""
            let reasons = Interop.expectedReasons(name)
            #expect(!reasons.isEmpty, "no expected rejection reason for corpus entry \(name)")
            Interop.expectPythonRejects(entry, name: name)
            do {
                _ = try await verifier.verifyAccessToken(token)
                Issue.record("GatewayVerifier accepted \(name)")
            } catch {
                #expect(reasons.contains { error.description.contains($0) }, "GatewayVerifier on \(name): \(error.description)")
            }
            try Interop.expectCommandRejects(token, name: name, reasons: reasons, server: server)
        }
    }

    @Test func eBooksNeverSeesUsernameOrEmailWhateverItAsks() async throws {
        let server = try KeyServer()
        let (policy, tokens, views) = try await Interop.policyTokens("e-books", server: server)
        #expect(policy.idTokenSignedResponseAlg.rawValue == "RS256")
        #expect(views.count == 8, "two tokens, each seen by jwcrypto, PyJWT, GatewayVerifier and gateway verify")
        for view in views {
            #expect(view.error == nil, "\(view.source) rejected an e-books token: \(view.error ?? "")")
            for claim in ["preferred_username", "email", "email_verified"] {
                #expect(view.claims?[claim] == nil, "\(view.source) sees \(claim) in an e-books token")
            }
            #expect(view.claims?["mylibrary_id"] as? String == Interop.patron.mylibraryID, "\(view.source)")
        }
        for token in tokens {
            let text = Interop.decodedParts(token)
            #expect(!text.contains(Interop.patron.username) && !text.contains(Interop.patron.email), "e-books token: \(text)")
        }
    }

    @Test func readingTipperSeesUsernameAndEmail() async throws {
        let server = try KeyServer()
        let (policy, _, views) = try await Interop.policyTokens("reading-tipper", server: server)
        #expect(policy.idTokenSignedResponseAlg.rawValue == "ES256")
        #expect(views.count == 8, "two tokens, each seen by jwcrypto, PyJWT, GatewayVerifier and gateway verify")
        for view in views {
            #expect(view.error == nil, "\(view.source) rejected a reading-tipper token: \(view.error ?? "")")
            #expect(view.claims?["preferred_username"] as? String == Interop.patron.username, "\(view.source)")
            #expect(view.claims?["email"] as? String == Interop.patron.email, "\(view.source)")
            #expect(view.claims?["email_verified"] as? Bool == true, "\(view.source)")
        }
    }
}

/// Running the Python scripts and `gateway verify`, and reading what they say.
enum Interop {
    struct Request {
        let label: String, token: String, audience: String, type: String
    }

    /// What one verifier made of one token: its claims, or why it refused.
    struct View {
        let source: String
        let claims: [String: Any]?
        let error: String?
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Interop")
    static let packageRoot = scripts.deletingLastPathComponent().deletingLastPathComponent()

    static let patron = PatronClaimsSource(mylibraryID: "ml-7f3a", library: "bibliotheek-noord", username: "lezer42",
                                           email: "lezer42@example.org", emailVerified: true, processingRestricted: false)

    /// Runs a script with python3 from PATH; its stdout is one JSON list of objects.
    static func python(_ script: String, _ arguments: [String], input: Data = Data()) throws -> [[String: Any]] {
        let env = URL(fileURLWithPath: "/usr/bin/env")
        let probe = try run(env, ["python3", "-c", "import jwcrypto, jwt, cryptography"])
        guard probe.status == 0 else {
            throw Failure(description: "python3 with jwcrypto, PyJWT and cryptography is required (scripts/install-deps.sh "
                + "installs them): \(probe.error)")
        }
        let result = try run(env, ["python3", scripts.appendingPathComponent(script).path] + arguments, input: input)
        guard result.status == 0, let list = try? JSONSerialization.jsonObject(with: result.output) as? [[String: Any]] else {
            throw Failure(description: "\(script) exited \(result.status): \(result.error.suffix(2000))")
        }
        return list
    }

    /// jwcrypto's and PyJWT's view of each request, in request order.
    static func verifyInPython(_ requests: [Request], server: KeyServer) throws -> [[View]] {
        let input = try JSONSerialization.data(withJSONObject: requests.map {
            ["token": $0.token, "audience": $0.audience, "type": $0.type]
        })
        let results = try python("verify_tokens.py", ["--jwks-url", server.issuer + "/jwks.json", "--issuer", server.issuer],
                                 input: input)
        guard results.count == requests.count else {
            throw Failure(description: "verify_tokens.py answered \(results.count) of \(requests.count) tokens")
        }
        return results.map { result in
            ["jwcrypto", "pyjwt"].map { library in
                let outcome = result[library] as? [String: Any] ?? [:]
                guard outcome["ok"] as? Bool == true else { return View(source: library, claims: nil, error: "\(outcome["error"] ?? "no answer")") }
                return View(source: library, claims: outcome["claims"] as? [String: Any], error: nil)
            }
        }
    }

    /// `gateway verify`'s view: the claims it prints (exit 0) or its `rejected:` line.
    static func command(_ token: String, audience: String, type: String, server: KeyServer) throws -> View {
        // The token goes through standard input: a 1 MB token is longer than Linux allows one argument to be.
        let result = try run(try GatewayTesting.gatewayBinary(), ["verify", "-", "--issuer", server.issuer, "--audience", audience, "--type", type],
                             input: Data(token.utf8))
        let claims = result.status == 0 ? (try? JSONSerialization.jsonObject(with: result.output)) as? [String: Any] : nil
        return View(source: "gateway verify", claims: claims, error: claims == nil ? "exit \(result.status): \(result.error)" : nil)
    }

    /// Mints the ID and access token of `file`'s demo policy for a patron with a username and an
    /// e-mail address, the client asking for both, and has every verifier read them.
    static func policyTokens(_ file: String, server: KeyServer) async throws -> (ApplicationPolicy, [String], [View]) {
        let policy = try PolicyParser.loadFile(packageRoot.appendingPathComponent("Policies/\(file).json").path)
        let facts = AuthorizationFacts(requestedScopes: ["openid", "profile", "email"], requestedClaims: ["email", "preferred_username"],
                                       nonce: "n-0S6_WzA2Mj", authTime: Instant(secondsSinceEpoch: Date().timeIntervalSince1970))
        let issued = try TokenIssuer(signer: server.signer, issuer: server.issuer, accessTokenAlgorithm: .es256, random: SecureRandom())
            .issue(for: patron, policy: policy, facts: facts)
        #expect(header(issued.idToken!)["alg"] as? String == policy.idTokenSignedResponseAlg.rawValue, "\(file) ID token alg")
        #expect(header(issued.accessToken)["alg"] as? String == "ES256", "\(file) access token alg")
        let requests = [Request(label: "ID token", token: issued.idToken!, audience: policy.clientID, type: TokenSigner.idTokenType),
                        Request(label: "access token", token: issued.accessToken, audience: policy.clientID, type: TokenSigner.accessTokenType)]
        var views = try verifyInPython(requests, server: server).flatMap { $0 }
        let verifier = GatewayVerifier(issuer: server.issuer, audience: policy.clientID)
        for (request, kind) in zip(requests, ["id", "access"]) {
            do {
                let claims = if kind == "id" { try await verifier.verifyIDToken(request.token, nonce: facts.nonce) } else {
                    try await verifier.verifyAccessToken(request.token)
                }
                views.append(View(source: "GatewayVerifier", claims: jsonObject(claims.all), error: nil))
            } catch {
                views.append(View(source: "GatewayVerifier", claims: nil, error: error.description))
            }
            views.append(try command(request.token, audience: policy.clientID, type: kind, server: server))
        }
        return (policy, [issued.idToken!, issued.accessToken], views)
    }

    /// Substrings of our rejection reason for each corpus entry (GatewayVerifier and
    /// `gateway verify` print the same text); the corpus builder names the defect.
    static func expectedReasons(_ name: String) -> [String] {
        let table: [(prefix: String, reasons: [String])] = [
            ("alg_none", ["alg none"]), ("hs256_", ["algorithm HS256 is not supported"]),
            ("rs256_signature_under_es256_kid", ["algorithm RS256 is not allowed for this key"]),
            ("one_megabyte", ["longer than \(JWS.maxTokenBytes) bytes"]), ("sixty_four_kilobytes", ["longer than \(JWS.maxTokenBytes) bytes"]),
            ("tampered_payload_", ["signature does not verify"]), ("wrong_audience_", ["aud does not contain"]),
            ("wrong_issuer_", ["iss is not the expected issuer"]), ("expired_", ["token has expired"]),
            ("not_yet_valid_", ["not valid yet"]), ("unknown_kid_", ["no key with kid unknown-"]),
            ("crit_exp_header_", ["unsupported critical header(s): exp"]),
            ("truncated_signature_removed_", ["expected 3 dot-separated parts, found 2"]),
            ("truncated_signature_halved_", ["signature does not verify", "not canonical base64url"]),
        ]
        return table.first { name.hasPrefix($0.prefix) }?.reasons ?? []
    }

    /// Both libraries must refuse. They have no size limit, so a correctly signed
    /// oversized token verifies there: a known difference, flagged if it ever changes.
    static func expectPythonRejects(_ entry: [String: Any], name: String) {
        for library in ["jwcrypto", "pyjwt"] {
            let rejected = entry["\(library)_rejected"] as? Bool == true
            if expectedReasons(name).contains(where: { $0.hasPrefix("longer than") }) {
                withKnownIssue("\(library) has no token size limit and accepts the correctly signed \(name) token") {
                    #expect(rejected, "\(library) accepted \(name)")
                }
            } else {
                #expect(rejected, "\(library) accepted \(name)")
            }
        }
    }

    /// `gateway verify` exits 1 with the reason.
    static func expectCommandRejects(_ token: String, name: String, reasons: [String], server: KeyServer) throws {
        let view = try command(token, audience: "e-books", type: "access", server: server)
        let reason = view.error ?? "accepted"
        #expect(reason.hasPrefix("exit 1: rejected: ") && reasons.contains { reason.contains($0) }, "gateway verify on \(name): \(reason)")
    }

    /// Header and payload of a compact JWS as JSON text.
    static func decodedParts(_ token: String) -> String {
        token.split(separator: ".").prefix(2).map { part in
            var base64 = part.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
            return String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self)
        }.joined(separator: "\n")
    }

    static func header(_ token: String) -> [String: Any] {
        let text = decodedParts(token).split(separator: "\n").first.map(String.init) ?? ""
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    static func jsonObject(_ claims: [String: JSONValue]) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(JSONValue.object(claims).serialized.utf8))) as? [String: Any]
    }

    /// Runs a program; stdin comes from a file and stderr goes to one, so neither pipe can stall it.
    static func run(_ executable: URL, _ arguments: [String], input: Data = Data()) throws -> (status: Int32, output: Data, error: String) {
        let directory = TemporaryDirectory(prefix: "interop")
        defer { directory.remove() }
        _ = FileManager.default.createFile(atPath: directory.file("in"), contents: input)
        _ = FileManager.default.createFile(atPath: directory.file("err"), contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        process.standardInput = FileHandle(forReadingAtPath: directory.file("in"))
        process.standardError = FileHandle(forWritingAtPath: directory.file("err"))
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let error = String(decoding: FileManager.default.contents(atPath: directory.file("err")) ?? Data(), as: UTF8.self)
        return (process.terminationStatus, data, error.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
