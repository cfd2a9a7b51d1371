internal import Foundation
internal import FoundationNetworking
public import GatewayAccounts
import GatewayOutbound

/// A `LibrarySystem` reached over its JSON REST API (`LibrarySystemAPI` lists the
/// calls). Every failure — nothing listening, timeout, HTTP 5xx or another unexpected
/// status, unparsable or inconsistent JSON — is `LibrarySystemError.unavailable`, so the
/// caller shows "try later" and changes nothing. The secret travels only in the POST
/// body; it is never part of a URL, an error or a log line.
public final class HTTPLibrarySystem: LibrarySystem {
    private let configuration: HTTPLibrarySystemConfiguration
    private let client: BlockingHTTPClient

    /// A client for the API at `configuration.baseURL`.
    public init(configuration: HTTPLibrarySystemConfiguration) {
        self.configuration = configuration
        client = BlockingHTTPClient(
            timeoutSeconds: configuration.timeoutSeconds, maximumResponseBytes: configuration.maximumResponseBytes)
    }

    /// `GET /libraries`.
    public func libraries() throws(LibrarySystemError) -> [Library] {
        let label = "GET /libraries"
        let response = try send(request("GET", "/libraries"), label: label)
        try expectOK(response, label)
        let list = try decode(LibrarySystemAPI.LibraryList.self, response, label)
        return list.libraries.map { Library(id: $0.id, displayName: $0.name) }
    }

    /// `POST /memberships/verify`.
    public func verifyMembership(library: String, cardNumber: String, secret: String) throws(LibrarySystemError)
        -> MembershipCheck {
        let label = "POST /memberships/verify"
        let payload = LibrarySystemAPI.VerifyRequest(library: library, cardNumber: cardNumber, secret: secret)
        guard let body = try? JSONEncoder().encode(payload) else { throw .unavailable(reason: "\(label): cannot encode") }
        let response = try send(request("POST", "/memberships/verify", body: body), label: label)
        try expectOK(response, label)
        guard let check = try decode(LibrarySystemAPI.VerifyResponse.self, response, label).check else {
            throw .unavailable(reason: "\(label): inconsistent answer")
        }
        return check
    }

    /// `GET /libraries/{library}/members/{reference}`; 404 is "no longer valid".
    public func isMemberStillValid(library: String, memberReference: String) throws(LibrarySystemError) -> Bool {
        let label = "GET /libraries/{id}/members/{ref}"
        let path = "/libraries/\(LibrarySystemAPI.pathSegment(library))/members/\(LibrarySystemAPI.pathSegment(memberReference))"
        let response = try send(request("GET", path), label: label)
        if response.status == 404 { return false }
        try expectOK(response, label)
        return try decode(LibrarySystemAPI.MemberStatus.self, response, label).valid
    }

    private func request(_ method: String, _ path: String, body: Data? = nil) -> URLRequest {
        // The base URL was validated and the path is built from fixed text and encoded segments.
        var request = URLRequest(url: URL(string: configuration.baseURL + path)!)
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue("LibraryGateway", forHTTPHeaderField: "User-Agent")
        if let token = configuration.bearerToken { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        return request
    }

    /// One call; transport failures become "library system unavailable".
    private func send(_ request: URLRequest, label: String) throws(LibrarySystemError) -> BlockingHTTPClient.Response {
        do { return try client.send(request, label: label) } catch {
            switch error { case .unavailable(let reason): throw .unavailable(reason: reason) }
        }
    }

    private func expectOK(_ response: BlockingHTTPClient.Response, _ label: String) throws(LibrarySystemError) {
        guard response.status == 200 else { throw .unavailable(reason: "\(label): HTTP \(response.status)") }
    }

    private func decode<T: Decodable>(
        _ type: T.Type, _ response: BlockingHTTPClient.Response, _ label: String
    ) throws(LibrarySystemError) -> T {
        guard let value = try? JSONDecoder().decode(type, from: response.body) else {
            throw .unavailable(reason: "\(label): invalid JSON")
        }
        return value
    }
}
