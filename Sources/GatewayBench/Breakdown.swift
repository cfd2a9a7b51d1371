import Foundation
import GatewayCore
import GatewayCrypto
import GatewayJOSE
import GatewayTokens

/// Where the time of one token goes: each step of `TokenBenchmark`'s sign and verify
/// measured on its own (one thread, `seconds` each), printed as
/// `STAGE name=.. alg=.. per_s=.. us=..` lines. The steps add up to roughly a JWS sign or
/// verify; the difference is allocation and copying between them.
struct Breakdown {
    let seconds: Double
    let warmup: Double
    let algorithms: [SignatureAlgorithm]
    private let throughput = Throughput()
    private let random = SecureRandom()
    private let clock = SystemClock()

    init(seconds: Double, warmup: Double, algorithms: [SignatureAlgorithm]) {
        self.seconds = seconds
        self.warmup = warmup
        self.algorithms = algorithms
    }

    func run(token sample: TokenSample) throws {
        let patron = sample.patron, policy = sample.policy, facts = sample.facts
        // Sign path, algorithm-independent steps.
        report("jti", "-", measure { () throws(Never) -> Int in random.hex(16).utf8.count })
        report("claims", "-", measure { () throws(Never) -> Int in
            let issuance = IssuanceFacts(issuer: sample.issuer, now: clock.now(), lifetimeSeconds: 600, tokenID: random.hex(16))
            return ClaimAssembler.accessToken(patron, policy: policy, facts: facts, issuance: issuance).count
        })
        let claims = ClaimAssembler.accessToken(
            patron, policy: policy, facts: facts,
            issuance: IssuanceFacts(issuer: sample.issuer, now: clock.now(), lifetimeSeconds: 600, tokenID: random.hex(16)))
        report("serialize", "-", measure { () throws(Never) -> Int in
            JSONValue.object(claims).serializedBytes.count
        })
        let payload = JSONValue.object(claims).serializedBytes
        let header = #"{"alg":"ES256","kid":"0123456789abcdefghijklmnopqrstuvwxyzABCDEFG","typ":"at+jwt"}"#
        let headerBytes = Array(header.utf8)
        let fakeSignature = random.bytes(64)
        report("base64url_assembly", "-", measure { () throws(Never) -> Int in
            // What JWS.sign does around the signature: header and payload encoded into one
            // buffer, then "." and the encoded signature, decoded to a String once.
            var token: [UInt8] = []
            token.reserveCapacity(1400)
            Base64URL.encode(headerBytes, into: &token)
            token.append(UInt8(ascii: "."))
            Base64URL.encode(payload, into: &token)
            let signedCount = token.count
            token.append(UInt8(ascii: "."))
            Base64URL.encode(fakeSignature, into: &token)
            return String(decoding: token, as: UTF8.self).utf8.count + signedCount
        })

        // Verify path, algorithm-independent steps.
        let esToken = sample.tokens[.es256] ?? sample.tokens.values.first!
        report("split_decode", "-", measure { () throws(Never) -> Int in
            let utf8 = Array(esToken.utf8)
            var total = 0
            for part in utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
                total += Base64URL.decode(String(decoding: part, as: UTF8.self))?.count ?? 0
            }
            return total
        })
        report("parse_json", "-", try measure { () throws(StrictJSONParser.Failure) -> Int in
            _ = try StrictJSONParser.parse(headerBytes)
            guard case .object(let members) = try StrictJSONParser.parse(payload) else { return 0 }
            return members.count
        })

        // The signature alone over each algorithm's real signing input (not 32 bytes).
        for algorithm in algorithms {
            guard let key = sample.keys[algorithm], let token = sample.tokens[algorithm] else { continue }
            let parts = token.split(separator: ".")
            let input = Array((parts[0] + "." + parts[1]).utf8)
            report("sign_input", algorithm.rawValue, try measure { () throws(CryptoError) -> Int in try key.sign(input).count },
                   extra: "input_bytes=\(input.count)")
            let signature = Base64URL.decode(parts[2])!
            let publicKey = key.publicKey
            report("verify_input", algorithm.rawValue, measure { () throws(Never) -> Int in
                publicKey.verify(signature: signature, message: input) ? 1 : 0
            }, extra: "input_bytes=\(input.count)")
        }
    }

    private func measure<E: Error>(_ body: () throws(E) -> Int) throws(E) -> Throughput.Measurement {
        try throughput.measure(seconds: seconds, warmup: warmup, body)
    }

    private func report(_ name: String, _ algorithm: String, _ measurement: Throughput.Measurement, extra: String = "") {
        var line = "STAGE name=\(name) alg=\(algorithm) per_s=\(String(format: "%.1f", measurement.perSecond))"
        line += " us=\(String(format: "%.3f", 1e6 / measurement.perSecond))"
        line += " cpu_share=\(measurement.cpuShare.map { String(format: "%.3f", $0) } ?? "na")"
        if !extra.isEmpty { line += " " + extra }
        print(line)
        fflush(nil)
    }
}

/// Inputs shared by the token benchmark and the breakdown.
struct TokenSample {
    let patron: PatronClaimsSource
    let policy: ClaimPolicy
    let facts: AuthorizationFacts
    let issuer: String
    let keys: [SignatureAlgorithm: SigningKey]
    let keyIDs: [SignatureAlgorithm: String]
    let keySet: JSONWebKeySet
    let tokens: [SignatureAlgorithm: String]
}
