import Foundation
import GatewayAccounts
import GatewayLibrarySystems
import GatewayTesting
import Testing

@Suite struct LibrarySystemHTTPTests {
    private static let secret = "pin-4711-never-logged"
    private static let card = "20001000000001"

    /// A stub library system answering the three API calls like a healthy one.
    private static func healthy(_ request: LibrarySystemStubRequest) -> LibrarySystemStubResponse {
        switch (request.method, request.path) {
        case ("GET", "/api/libraries"):
            return .json(#"{"libraries": [{"id": "bibliotheek-noord", "name": "Bibliotheek Noord"}]}"#)
        case ("POST", "/api/memberships/verify"):
            if request.body.contains(secret) {
                return .json(#"{"status": "valid", "member_reference": "N100001", "valid_until": "2035-12-31"}"#)
            }
            return .json(request.body.contains("expired") ? #"{"status": "expired"}"# : #"{"status": "invalid"}"#)
        case ("GET", "/api/libraries/bibliotheek-noord/members/N100001"):
            return .json(#"{"valid": true}"#)
        case ("GET", "/api/libraries/bibliotheek-noord/members/N100003"):
            return .json(#"{"valid": false}"#)
        default:
            return .json(#"{"error": "not found"}"#, status: 404)
        }
    }

    private static func client(port: UInt16, timeout: Double = 2, token: String? = nil) throws -> HTTPLibrarySystem {
        HTTPLibrarySystem(configuration: try HTTPLibrarySystemConfiguration(
            baseURL: "http://127.0.0.1:\(port)/api/", timeoutSeconds: timeout, bearerToken: token))
    }

    /// Runs `body` against a stub answering every request with `response`.
    private static func withStub(
        _ handler: @escaping @Sendable (LibrarySystemStubRequest) -> LibrarySystemStubResponse,
        _ body: (LibrarySystemStubServer) throws -> Void
    ) throws {
        let server = try LibrarySystemStubServer(handler: handler)
        defer { server.stop() }
        try body(server)
    }

    @Test func healthySystemAnswersEveryCall() throws {
        try Self.withStub(Self.healthy) { server in
            let system = try Self.client(port: server.port)
            #expect(try system.libraries() == [Library(id: "bibliotheek-noord", displayName: "Bibliotheek Noord")])
            #expect(try system.verifyMembership(library: "bibliotheek-noord", cardNumber: Self.card, secret: Self.secret)
                == .valid(memberReference: "N100001", validUntil: CalendarDate(year: 2035, month: 12, day: 31)))
            #expect(try system.verifyMembership(library: "bibliotheek-noord", cardNumber: Self.card, secret: "0000")
                == .invalid)
            #expect(try system.verifyMembership(library: "bibliotheek-noord", cardNumber: Self.card, secret: "expired")
                == .expired)
            #expect(try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001"))
            #expect(try !system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100003"))
            #expect(try !system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N999999"))
        }
    }

    @Test func verificationSendsTheCredentialsOnlyInTheJSONBody() throws {
        try Self.withStub(Self.healthy) { server in
            let system = try Self.client(port: server.port, token: "api-token-1")
            _ = try system.verifyMembership(library: "bibliotheek-noord", cardNumber: Self.card, secret: Self.secret)
            let request = try #require(server.requests.last)
            #expect(request.method == "POST")
            #expect(request.path == "/api/memberships/verify")
            #expect(!request.path.contains(Self.secret))
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.headers["authorization"] == "Bearer api-token-1")
            let body = try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: String]
            #expect(body == ["library": "bibliotheek-noord", "card_number": Self.card, "secret": Self.secret])
        }
    }

    @Test func identifiersCannotEscapeTheirPathSegment() throws {
        try Self.withStub(Self.healthy) { server in
            let system = try Self.client(port: server.port)
            #expect(try !system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "../../libraries"))
            #expect(server.requests.last?.path == "/api/libraries/bibliotheek-noord/members/%2E%2E%2F%2E%2E%2Flibraries")
        }
    }

    @Test func slowSystemIsUnavailable() throws {
        try Self.withStub({ _ in LibrarySystemStubResponse(status: 200, body: #"{"valid": true}"#, delaySeconds: 5) }) { server in
            let system = try Self.client(port: server.port, timeout: 0.3)
            let error = Self.expectUnavailable {
                try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N100001")
            }
            #expect(error?.description.hasSuffix("timeout") == true)
            Self.expectUnavailable {
                try system.verifyMembership(library: "bibliotheek-noord", cardNumber: Self.card, secret: Self.secret)
            }
        }
    }

    @Test func systemThatIsDownIsUnavailable() throws {
        let system = try Self.client(port: freeLoopbackPort())
        let error = Self.expectUnavailable { try system.libraries() }
        #expect(error?.description.hasSuffix("connection refused") == true)
        Self.expectUnavailable {
            try system.verifyMembership(library: "bibliotheek-noord", cardNumber: Self.card, secret: Self.secret)
        }
    }

    @Test(arguments: ["<html>oops</html>", #"{"status": "valid"}"#, #"{"status": "maybe"}"#,
                      #"{"status": "valid", "member_reference": "N1", "valid_until": "31-12-2035"}"#, "", "{"])
    func garbageAnswerIsUnavailable(body: String) throws {
        try Self.withStub({ _ in .json(body) }) { server in
            let system = try Self.client(port: server.port)
            Self.expectUnavailable {
                try system.verifyMembership(library: "bibliotheek-noord", cardNumber: Self.card, secret: Self.secret)
            }
            Self.expectUnavailable { try system.libraries() }
            Self.expectUnavailable { try system.isMemberStillValid(library: "bibliotheek-noord", memberReference: "N1") }
        }
    }

    @Test(arguments: [500, 502, 503, 401, 400])
    func errorStatusIsUnavailable(status: Int) throws {
        try Self.withStub({ _ in .json(#"{"status": "valid", "member_reference": "N1"}"#, status: status) }) { server in
            let system = try Self.client(port: server.port)
            let error = Self.expectUnavailable {
                try system.verifyMembership(library: "bibliotheek-noord", cardNumber: Self.card, secret: Self.secret)
            }
            #expect(error?.description.contains("HTTP \(status)") == true)
        }
    }

    @Test func redirectIsNotFollowed() throws {
        try Self.withStub({ request in
            request.path.hasSuffix("/elsewhere")
                ? .json(#"{"status": "valid", "member_reference": "N1"}"#)
                : LibrarySystemStubResponse(status: 307, body: "", headers: ["Location": "/elsewhere"])
        }) { server in
            let system = try Self.client(port: server.port)
            Self.expectUnavailable {
                try system.verifyMembership(library: "bibliotheek-noord", cardNumber: Self.card, secret: Self.secret)
            }
            #expect(server.requests.count == 1)
        }
    }

    @Test func errorsNeverContainTheCredentials() throws {
        let downPort = freeLoopbackPort()
        var descriptions: [String] = []
        try Self.withStub({ _ in .json("garbage \(Self.secret)", status: 500) }) { server in
            for port in [server.port, downPort] {
                let system = try Self.client(port: port)
                let error = Self.expectUnavailable {
                    try system.verifyMembership(library: "bibliotheek-noord", cardNumber: Self.card, secret: Self.secret)
                }
                descriptions.append(String(describing: error))
                descriptions.append(error.map { "\($0)" } ?? "")
            }
        }
        #expect(descriptions.count == 4)
        for description in descriptions {
            #expect(!description.contains(Self.secret))
            #expect(!description.contains(Self.card))
        }
    }

    @Test(arguments: ["ftp://ils.example.org", "ils.example.org", "https://ils.example.org/api?x=1", "https://u:p@ils.example.org"])
    func unusableBaseURLIsRefused(url: String) {
        #expect(throws: LibrarySystemSetupError.self) { try HTTPLibrarySystemConfiguration(baseURL: url) }
    }

    @Test(arguments: ["", "two words", "line\r\nX-Injected: 1"])
    func unusableBearerTokenIsRefused(token: String) {
        #expect(throws: LibrarySystemSetupError.self) {
            try HTTPLibrarySystemConfiguration(baseURL: "https://ils.example.org", bearerToken: token)
        }
    }

    @discardableResult
    private static func expectUnavailable<T>(
        sourceLocation: SourceLocation = #_sourceLocation, _ call: () throws -> T
    ) -> LibrarySystemError? {
        do {
            let value = try call()
            Issue.record("expected unavailable, got \(value)", sourceLocation: sourceLocation)
        } catch let error as LibrarySystemError {
            if case .unavailable = error { return error }
        } catch {
            Issue.record("expected LibrarySystemError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }
}
