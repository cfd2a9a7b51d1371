import Foundation
import GatewayCore
import GatewayCrypto
import GatewayJOSE
import GatewayTokens

/// One-thread token throughput per algorithm, shaped like the gateway's token endpoint:
///
/// - JWS sign: per token, `ClaimAssembler.accessToken` with a fresh 16-byte `jti` (hex, from
///   the secure DRBG) and the current wall-clock time, then the claims' compact sorted-key
///   JSON and `JWS.sign` (header JSON, base64url, signature) — exactly what `TokenSigner` does
///   minus the key-ring lookup.
/// - JWS verify: `JWS.verify` of such tokens against a JWKS of 3 keys (one per algorithm, the
///   gateway's published set), cycling through a pool of distinct tokens.
/// - raw sign: `SigningKey.sign` of a 32-byte message: the OpenSSL floor for comparison.
struct TokenBenchmark {
    struct Options {
        var seconds = 3.0
        var warmupSeconds = 0.3
        var algorithms = SignatureAlgorithm.allCases
        var rawVerify = false
        /// Measurements to run (for profiling one of them alone); all by default.
        var only: Set<String> = []
        /// Also time each step of one token on its own (see `Breakdown`), this long per step.
        var breakdownSeconds: Double? = nil

        func includes(_ name: String) -> Bool { only.isEmpty || only.contains(name) }
    }

    /// A failure while measuring (the benchmark does not assert, but a token that does not
    /// verify means the figures would be meaningless).
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let options: Options
    private let throughput = Throughput()
    private let random = SecureRandom()
    private let clock = SystemClock()

    // A realistic access token: the largest claim set a demo policy releases (reading-tipper:
    // functional communication needed, scopes openid profile email offline_access).
    private let patron = PatronClaimsSource(
        mylibraryID: "ml_4f9c2d7e1a8b40c6b3e5d2f17a9c0e84", library: "bibliotheek-noord", username: "j.devries",
        email: "j.devries@example.org", emailVerified: true, processingRestricted: false)
    private let policy = ClaimPolicy(
        clientID: "reading-tipper", functionalCommunicationNeeded: true,
        allowedScopes: ["openid", "profile", "email", "offline_access"])
    private let issuer = "https://login.bibliotheek.example.org"
    private let lifetimeSeconds = 600

    init(options: Options) { self.options = options }

    func run() throws {
        // One key per algorithm, all published in one JWKS, as the gateway does.
        var signingKeys: [SignatureAlgorithm: SigningKey] = [:]
        var published: [JSONWebKey] = []
        for algorithm in SignatureAlgorithm.allCases {
            let key = try SigningKey.generate(algorithm)
            signingKeys[algorithm] = key
            published.append(JSONWebKey(key: key.publicKey))
        }
        let keySet = JSONWebKeySet(keys: published)
        let facts = AuthorizationFacts(
            requestedScopes: ["openid", "profile", "email", "offline_access"],
            authTime: Instant(secondsSinceEpoch: clock.now().secondsSinceEpoch.rounded(.down) - 30),
            sessionID: random.hex(16), acr: "urn:bibliotheek:loa:password")

        var samples: [SignatureAlgorithm: String] = [:]
        print("# GatewayBench tokens: one thread, \(options.seconds) s per measurement after \(options.warmupSeconds) s warm-up")
        for algorithm in options.algorithms {
            let key = signingKeys[algorithm]!
            let keyID = published.first { $0.algorithm == algorithm }!.keyID
            let sample = try issueToken(key: key, keyID: keyID, facts: facts)
            samples[algorithm] = sample
            var fields: [(String, String)] = [("alg", algorithm.rawValue)]
            var measurements: [(String, Throughput.Measurement)] = []

            // (a) claims + JSON + base64url + signature, like TokenSigner.sign.
            if options.includes("jws_sign") {
                measurements.append(("jws_sign", try measure { () throws(CryptoError) -> Int in
                    try issueToken(key: key, keyID: keyID, facts: facts).utf8.count
                }))
            }

            // (b) verify a pool of distinct tokens, round robin.
            if options.includes("jws_verify") {
                var pool: [String] = []
                for _ in 0..<64 { pool.append(try issueToken(key: key, keyID: keyID, facts: facts)) }
                let verified = try JWS.verify(sample, keys: keySet)
                guard verified.keyID == keyID, case .string(let subject)? = verified.claims["sub"], subject == patron.mylibraryID else {
                    throw Failure(description: "\(algorithm.rawValue): a freshly signed token verified with unexpected content")
                }
                var next = 0
                measurements.append(("jws_verify", try measure { () throws(JOSEError) -> Int in
                    let token = pool[next]
                    next = next == pool.count - 1 ? 0 : next + 1
                    return try JWS.verify(token, keys: keySet).claims.count
                }))
            }

            // (c) the signature alone over 32 bytes.
            let message = random.bytes(32)
            if options.includes("raw_sign") {
                measurements.append(("raw_sign", try measure { () throws(CryptoError) -> Int in try key.sign(message).count }))
            }
            if options.rawVerify || options.only.contains("raw_verify") {
                let signature = try key.sign(message)
                let publicKey = key.publicKey
                measurements.append(("raw_verify", try measure { () throws(Failure) -> Int in
                    guard publicKey.verify(signature: signature, message: message) else { throw Failure(description: "raw verify failed") }
                    return 1
                }))
            }

            guard !measurements.isEmpty else { continue }
            for (name, measurement) in measurements { fields.append(("\(name)_per_s", String(format: "%.1f", measurement.perSecond))) }
            fields.append(("token_bytes", String(sample.utf8.count)))
            fields.append(("payload_bytes", String(Base64URL.decode(sample.split(separator: ".")[1])?.count ?? 0)))
            for (name, measurement) in measurements {
                fields.append(("\(name)_cpu_share", measurement.cpuShare.map { String(format: "%.3f", $0) } ?? "na"))
            }
            let checksum = measurements.reduce(0) { $0 &+ $1.1.checksum }
            fields.append(("checksum", String(checksum & 0xFFFF)))
            print("RESULT " + fields.map { "\($0.0)=\($0.1)" }.joined(separator: " "))
            fflush(nil)
        }
        if let breakdownSeconds = options.breakdownSeconds {
            let sample = TokenSample(patron: patron, policy: policy, facts: facts, issuer: issuer, keys: signingKeys,
                                     keyIDs: Dictionary(uniqueKeysWithValues: published.map { ($0.algorithm, $0.keyID) }), keySet: keySet,
                                     tokens: samples)
            try Breakdown(seconds: breakdownSeconds, warmup: min(options.warmupSeconds, 0.1), algorithms: options.algorithms)
                .run(token: sample)
        }
    }

    private func measure<E: Error>(_ body: () throws(E) -> Int) throws(E) -> Throughput.Measurement {
        try throughput.measure(seconds: options.seconds, warmup: options.warmupSeconds, body)
    }

    /// One access token as the token endpoint mints it.
    private func issueToken(key: SigningKey, keyID: String, facts: AuthorizationFacts) throws(CryptoError) -> String {
        let issuance = IssuanceFacts(issuer: issuer, now: clock.now(), lifetimeSeconds: lifetimeSeconds, tokenID: random.hex(16))
        let claims = ClaimAssembler.accessToken(patron, policy: policy, facts: facts, issuance: issuance)
        return try JWS.sign(payload: JSONValue.object(claims).serializedBytes, key: key, keyID: keyID, type: "at+jwt")
    }
}
