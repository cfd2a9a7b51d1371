import Foundation
import GatewayTesting
import Testing

/// DESIGN.md "Bad input and faults": with Redis down every OIDC endpoint fails closed —
/// 503 `temporarily_unavailable` (RFC 6749 §5.2 / §4.1.2.1) from the JSON endpoints, the
/// 503 page from the authorization endpoint — and nothing is issued; when Redis is back,
/// the flow works again without a restart.
@Suite struct OIDCFailClosedTests {
    @Test func everyEndpointAnswers503WhileRedisIsDownAndRecovers() throws {
        let harness = try OIDCHarness()
        try harness.registerMember()
        let tokens = try harness.tokens(.readingTipper)
        let access = try #require(tokens["access_token"] as? String)
        let refresh = try #require(tokens["refresh_token"] as? String)
        harness.gateway.redis.stop()

        for (name, response) in [
            ("refresh", try harness.refresh(refresh, as: .readingTipper)),
            ("introspect", try harness.post("/introspect", [("token", access)], as: .readingTipper)),
            ("revoke", try harness.post("/revoke", [("token", refresh)], as: .readingTipper)),
            ("userinfo", try rawRequest(port: harness.gateway.port, "GET", "/userinfo", headers: ["Authorization": "Bearer \(access)"])),
        ] {
            #expect(response.status == 503, "\(name)")
            #expect(json(response)["error"] as? String == "temporarily_unavailable", "\(name)")
            #expect(response.header("cache-control") == "no-store", "\(name)")
        }
        let authorize = try harness.browser.get(OIDCHarness.authorizePath(OIDCHarness.authorization(.readingTipper)))
        #expect(authorize.status == 503 && authorize.header("location") == nil)

        try harness.gateway.redis.start()
        // Redis came back empty (no persistence in tests): the session is gone, so the
        // patron logs in again and the whole flow works without restarting the gateway.
        let again = try harness.browser.get(OIDCHarness.authorizePath(OIDCHarness.authorization(.readingTipper)))
        #expect(again.status == 303 && again.header("location")?.hasPrefix("/login") == true)
    }
}
