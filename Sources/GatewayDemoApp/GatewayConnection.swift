import Foundation
import FoundationNetworking
import GatewayCore
import GatewayOutbound

/// The demo application's calls to the gateway: GET and form POST over the blocking
/// client, answers parsed as JSON objects. Failures name the call (`POST token`), never
/// the URL or a token.
final class GatewayConnection: Sendable {
    /// A JSON answer.
    struct Answer: Sendable {
        let status: Int
        let object: [String: JSONValue]?
        let headers: [String: String]
        let body: [UInt8]
    }

    private let client: BlockingHTTPClient

    init(timeoutSeconds: Double) {
        client = BlockingHTTPClient(timeoutSeconds: timeoutSeconds, maximumResponseBytes: 1 << 20)
    }

    /// GETs `url`, with `Authorization: Bearer` when `bearer` is given.
    func get(_ url: String, bearer: String? = nil, label: String) throws(DemoFailure) -> Answer {
        var headers = ["Accept": "application/json"]
        if let bearer { headers["Authorization"] = "Bearer " + bearer }
        return try send(url, method: "GET", headers: headers, body: nil, label: label)
    }

    /// POSTs `fields` form-encoded to `url`.
    func postForm(_ url: String, fields: [(String, String)], headers: [String: String], label: String) throws(DemoFailure) -> Answer {
        var headers = headers
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Accept"] = "application/json"
        return try send(url, method: "POST", headers: headers, body: Data(FormEncoding.encode(fields).utf8), label: label)
    }

    private func send(_ url: String, method: String, headers: [String: String], body: Data?, label: String)
        throws(DemoFailure) -> Answer {
        guard let target = URL(string: url) else { throw .gatewayUnavailable("\(label): the endpoint URL is malformed") }
        var request = URLRequest(url: target)
        request.httpMethod = method
        request.httpBody = body
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let response: BlockingHTTPClient.Response
        do { response = try client.send(request, label: label) } catch {
            guard case .unavailable(let reason) = error else { throw .gatewayUnavailable(label) }
            throw .gatewayUnavailable(reason)
        }
        let bytes = Array(response.body)
        let object: [String: JSONValue]? = if case .object(let members)? = try? StrictJSONParser.parse(bytes) { members } else { nil }
        return Answer(status: response.status, object: object, headers: response.headers, body: bytes)
    }
}
