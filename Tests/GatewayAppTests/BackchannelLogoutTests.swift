import Dispatch
import Foundation
import GatewayApp
import GatewayCore
import GatewayCrypto
import GatewayJOSE
import GatewayPolicy
import GatewayTesting
import GatewayTokens
import Testing

private let patron = "ml-5b7e0c91"
private let sid = "9f0e1d2c3b4a59687766554433221100"
private let logoutEvent = JSONValue.object(["http://schemas.openid.net/event/backchannel-logout": .object([:])])

/// A confidential application with the given back-channel logout endpoint, parsed as an
/// admin would write it (functional communication on: the token must still carry nothing
/// personal).
private func policy(_ clientID: String, backchannel uri: String?) throws -> ApplicationPolicy {
    let backchannel = uri.map { #""backchannel_logout_uri": "\#($0)", "backchannel_logout_session_required": true,"# } ?? ""
    let json = """
        {"client_id": "\(clientID)", "display_name": "App", "supplier": "Supplier B.V.",
         "client_type": "confidential", "token_endpoint_auth_method": "client_secret_basic",
         "redirect_uris": ["https://app.example/callback"], \(backchannel)
         "libraries": "*", "allowed_scopes": ["openid", "profile", "email"],
         "functional_communication": {"needed": true, "purpose": "Sends you reminders by e-mail."},
         "id_token_signed_response_alg": "ES256"}
        """
    return try PolicyParser.parse(Array(json.utf8))
}

/// Short retry delays so a test's retries come quickly; order and counts are what is asserted.
private let quick = BackchannelLogoutConfiguration(timeoutSeconds: 5, retryDelays: [0.01], drainSeconds: 2)

/// A dispatcher with real keys, a recording log and its own metrics registry.
private struct Fixture {
    let keysDirectory = TemporaryDirectory(prefix: "backchannel-keys")
    let logs = RecordingLogSink()
    let registry = MetricsRegistry()
    let publicKeys: JSONWebKeySet
    let dispatcher: BackchannelLogoutDispatcher

    init(_ policies: [ApplicationPolicy], configuration: BackchannelLogoutConfiguration = quick) throws {
        try KeyAdministration(directory: keysDirectory.path).generate(.es256)
        let provider = try KeyRingProvider(directory: keysDirectory.path)
        publicKeys = provider.ring().publicKeys(at: Date())
        let issuer = TokenIssuer(signer: TokenSigner(keys: provider), issuer: "https://login.example.org",
                                 accessTokenAlgorithm: .es256, random: SecureRandom())
        let catalog = Dictionary(uniqueKeysWithValues: policies.map { ($0.clientID, $0) })
        dispatcher = BackchannelLogoutDispatcher(tokens: issuer, policies: { catalog[$0] }, logger: Logger(sink: logs),
                                                 metrics: registry, configuration: configuration)
    }

    func endSession(_ clientIDs: Set<String>) {
        dispatcher.sessionEnded(mylibraryID: patron, sid: sid, clientIDs: clientIDs)
    }

    /// Waits until `clientID` has a log line with `outcome`.
    func waitFor(_ clientID: String, _ outcome: String) -> Bool {
        logs.lines.waitUntil { lines in
            lines.contains { $0["event"] == "backchannel_logout" && $0["client_id"] == clientID && $0["outcome"] == outcome }
        }
    }

    /// One series of the exposition, 0 when absent.
    func metric(_ series: String) -> Double {
        let line = registry.render().split(separator: "\n").first { $0.hasPrefix(series + " ") }
        return line.flatMap { Double($0.dropFirst(series.count + 1)) } ?? 0
    }

    func finish() {
        dispatcher.stop()
        keysDirectory.remove()
    }
}

@Suite struct BackchannelLogoutTests {
    @Test func everyApplicationWithAnEndpointGetsAVerifiableLogoutTokenForTheSession() throws {
        let tipper = try LogoutReceiver(), books = try LogoutReceiver()
        let test = try Fixture([try policy("tipper", backchannel: tipper.uri), try policy("books", backchannel: books.uri),
                                try policy("no-endpoint", backchannel: nil)])
        test.endSession(["tipper", "books", "no-endpoint", "unknown-app"])
        #expect(test.waitFor("tipper", "delivered") && test.waitFor("books", "delivered"))
        test.finish()
        for (receiver, clientID) in [(tipper, "tipper"), (books, "books")] {
            let posts = receiver.posts.all
            try #require(posts.count == 1)
            #expect(posts[0].method == "POST" && posts[0].path == "/backchannel-logout")
            #expect(posts[0].contentType == "application/x-www-form-urlencoded")
            let token = try JWS.verify(try #require(posts[0].token), keys: test.publicKeys)
            #expect(token.header.type == "logout+jwt")
            #expect(token.header.algorithm == .es256)
            #expect(Set(token.claims.keys) == ["iss", "aud", "iat", "exp", "jti", "sub", "sid", "events"])
            #expect(token.claims["aud"] == .string(clientID))
            #expect(token.claims["sub"] == .string(patron))
            #expect(token.claims["sid"] == .string(sid))
            #expect(token.claims["events"] == logoutEvent)
        }
        #expect(test.logs.deliveries("no-endpoint").isEmpty && test.logs.deliveries("unknown-app").isEmpty)
        #expect(test.metric(#"gateway_backchannel_logout_total{outcome="delivered"}"#) == 2)
    }

    @Test func logsNameClientAndOutcomeButNeverTokenSessionOrPatron() throws {
        let receiver = try LogoutReceiver(statuses: [503, 200])
        let test = try Fixture([try policy("tipper", backchannel: receiver.uri)])
        test.endSession(["tipper"])
        #expect(test.waitFor("tipper", "delivered"))
        test.finish()
        let token = try #require(receiver.posts.all.first?.token)
        let lines = test.logs.raw.all
        #expect(lines.contains { $0.contains(#""client_id":"tipper""#) && $0.contains(#""attempt":1"#) })
        for line in lines { #expect(!line.contains(patron) && !line.contains(sid) && !line.contains(token)) }
    }

    @Test func receiverFailingTwiceThenAcceptingGetsExactlyThreeAttempts() throws {
        let receiver = try LogoutReceiver(statuses: [500, 500, 200])
        let test = try Fixture([try policy("tipper", backchannel: receiver.uri)])
        test.endSession(["tipper"])
        #expect(test.waitFor("tipper", "delivered"))
        test.finish()
        let posts = receiver.posts.all
        #expect(posts.count == 3)
        #expect(Set(posts.map(\.body)).count == 1, "a retry resends the same logout token")
        #expect(test.logs.deliveries("tipper").map { $0["attempt"] } == ["1", "2", "3"])
        #expect(test.metric("gateway_backchannel_logout_retries_total") == 2)
        #expect(test.metric(#"gateway_backchannel_logout_total{outcome="delivered"}"#) == 1)
        #expect(test.metric(#"gateway_backchannel_logout_total{outcome="failed"}"#) == 0)
    }

    @Test func refusingReceiverGetsTheConfiguredNumberOfAttemptsThenIsGivenUp() throws {
        let receiver = try LogoutReceiver(statuses: [500])
        let configuration = BackchannelLogoutConfiguration(timeoutSeconds: 5, maximumAttempts: 3, retryDelays: [0.01, 0.02],
                                                           drainSeconds: 2)
        let test = try Fixture([try policy("tipper", backchannel: receiver.uri)], configuration: configuration)
        test.endSession(["tipper"])
        #expect(test.waitFor("tipper", "failed"))
        test.finish()
        #expect(receiver.posts.all.count == 3)
        #expect(test.logs.deliveries("tipper").map { $0["outcome"] } == ["retry_scheduled", "retry_scheduled", "failed"])
        #expect(test.metric(#"gateway_backchannel_logout_total{outcome="failed"}"#) == 1)
    }

    /// The application that is down is tried first (client ids are taken in order), yet the
    /// other application is served before its first retry: retries wait in the schedule,
    /// not on the worker thread.
    @Test func downApplicationIsRetriedWithoutHoldingUpAnother() throws {
        let up = try LogoutReceiver()
        let down = "http://127.0.0.1:\(freeLoopbackPort())/backchannel-logout"
        let test = try Fixture([try policy("a-down", backchannel: down), try policy("b-up", backchannel: up.uri)])
        test.endSession(["a-down", "b-up"])
        #expect(test.waitFor("a-down", "failed"))
        #expect(test.waitFor("b-up", "delivered"))
        test.finish()
        let order = test.logs.lines.all.filter { $0["event"] == "backchannel_logout" }
            .map { "\($0["client_id"] ?? "") \($0["outcome"] ?? "") \($0["attempt"] ?? "")" }
        #expect(order == ["a-down retry_scheduled 1", "b-up delivered 1", "a-down retry_scheduled 2",
                          "a-down retry_scheduled 3", "a-down failed 4"])
        #expect(up.posts.all.count == 1)
        #expect(test.metric("gateway_backchannel_logout_retries_total") == 3)
        #expect(test.metric(#"gateway_backchannel_logout_total{outcome="failed"}"#) == 1)
    }

    /// The receiver holds the POST until the test lets it go, so if `sessionEnded` waited
    /// for delivery the hold would expire instead.
    @Test func sessionEndedReturnsBeforeTheApplicationHasAnswered() throws {
        let release = DispatchSemaphore(value: 0)
        let receiver = try LogoutReceiver(hold: release)
        let test = try Fixture([try policy("tipper", backchannel: receiver.uri)])
        test.endSession(["tipper"])
        #expect(receiver.posts.waitUntil { $0.count == 1 })
        #expect(test.logs.deliveries("tipper").isEmpty)
        release.signal()
        #expect(test.waitFor("tipper", "delivered"))
        test.finish()
        #expect(!receiver.holdExpired)
    }

    /// Capacity 1: while the worker is busy with the first delivery, one more fits in the
    /// queue and the next is dropped and counted, without blocking the caller.
    @Test func fullQueueDropsAndCounts() throws {
        let release = DispatchSemaphore(value: 0)
        let receiver = try LogoutReceiver(hold: release)
        let configuration = BackchannelLogoutConfiguration(capacity: 1, timeoutSeconds: 5, retryDelays: [0.01], drainSeconds: 2)
        let test = try Fixture(["a", "b", "c"].map { try policy($0, backchannel: receiver.uri) }, configuration: configuration)
        test.endSession(["a"])
        #expect(receiver.posts.waitUntil { $0.count == 1 })
        test.endSession(["b", "c"])
        #expect(test.metric(#"gateway_backchannel_logout_total{outcome="dropped"}"#) == 1)
        #expect(test.logs.deliveries("c").map { $0["outcome"] } == ["dropped"])
        release.signal()
        release.signal()
        #expect(test.waitFor("a", "delivered") && test.waitFor("b", "delivered"))
        test.finish()
        #expect(receiver.posts.all.count == 2)
    }

    /// `stop()` ends the worker without waiting for a retry scheduled far ahead; the
    /// abandoned delivery and any logout after the stop are counted as dropped.
    @Test func stopAbandonsLaterRetriesAndRefusesNewLogouts() throws {
        let receiver = try LogoutReceiver(statuses: [500])
        let configuration = BackchannelLogoutConfiguration(timeoutSeconds: 5, retryDelays: [3_600], drainSeconds: 2)
        let test = try Fixture([try policy("tipper", backchannel: receiver.uri)], configuration: configuration)
        test.endSession(["tipper"])
        #expect(test.waitFor("tipper", "retry_scheduled"))
        test.dispatcher.stop()
        #expect(test.metric(#"gateway_backchannel_logout_total{outcome="dropped"}"#) == 1)
        test.endSession(["tipper"])
        #expect(test.metric(#"gateway_backchannel_logout_total{outcome="dropped"}"#) == 2)
        test.finish()
        #expect(receiver.posts.all.count == 1)
    }
}
