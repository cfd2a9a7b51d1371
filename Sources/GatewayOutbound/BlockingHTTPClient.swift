public import Foundation
public import FoundationNetworking
import Synchronization

/// Synchronous HTTP calls for threads that may block (the HTTP server's workers), over
/// `URLSession`: libcurl underneath brings TLS, keep-alive and chunked bodies, which a
/// hand-written socket client would have to re-implement.
///
/// The caller waits on a semaphore with its own deadline and cancels the task when it
/// passes: corelibs' URLSession hands libcurl only a whole-second total timeout and no
/// connect timeout, so the deadline here is the one that holds. Redirects are not
/// followed (a redirected POST would resend the secret elsewhere), nothing is cached and
/// no cookies are kept. Failures become `OutboundHTTPError.unavailable` whose reason
/// names the call and the kind of failure only — no URL, as paths may contain personal
/// references, and no body.
public final class BlockingHTTPClient: Sendable {
    /// A complete response.
    public struct Response: Sendable {
        /// HTTP status code.
        public let status: Int
        /// The whole body.
        public let body: Data
        /// Response headers, names lowercased.
        public let headers: [String: String]
    }

    private final class Outcome: Sendable {
        let value = Mutex<(data: Data?, response: URLResponse?, error: (any Error)?)?>(nil)
    }

    private let session: URLSession
    private let timeoutSeconds: Double
    private let maximumResponseBytes: Int

    /// A client whose every call ends within `timeoutSeconds` and refuses bodies above
    /// `maximumResponseBytes`.
    public init(timeoutSeconds: Double, maximumResponseBytes: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        // libcurl's own timeout, whole seconds, is only a backstop behind the deadline.
        configuration.timeoutIntervalForRequest = max(1, timeoutSeconds.rounded(.up))
        configuration.timeoutIntervalForResource = max(1, timeoutSeconds.rounded(.up))
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
        self.timeoutSeconds = timeoutSeconds
        self.maximumResponseBytes = maximumResponseBytes
    }

    deinit { session.invalidateAndCancel() }

    /// Sends `request` and waits for the whole response, at most the timeout.
    /// - Parameter label: names the call in error reasons (`POST /memberships/verify`).
    public func send(_ request: URLRequest, label: String) throws(OutboundHTTPError) -> Response {
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            outcome.value.withLock { $0 = (data, response, error) }
            done.signal()
        }
        task.resume()
        guard done.wait(timeout: .now() + timeoutSeconds) == .success else {
            task.cancel()
            throw .unavailable(reason: "\(label): timeout")
        }
        guard let (data, response, error) = outcome.value.withLock({ $0 }) else {
            throw .unavailable(reason: "\(label): no response")
        }
        if let error { throw .unavailable(reason: "\(label): \(Self.describe(error))") }
        guard let http = response as? HTTPURLResponse else { throw .unavailable(reason: "\(label): not an HTTP response") }
        let body = data ?? Data()
        guard body.count <= maximumResponseBytes else { throw .unavailable(reason: "\(label): response too large") }
        var headers = [String: String]()
        for case let (name as String, value as String) in http.allHeaderFields { headers[name.lowercased()] = value }
        return Response(status: http.statusCode, body: body, headers: headers)
    }

    /// A short kind of transport failure; never the error's own text, which quotes the URL.
    private static func describe(_ error: any Error) -> String {
        guard let urlError = error as? URLError else { return "transport error" }
        switch urlError.code {
        case .timedOut: return "timeout"
        case .cannotConnectToHost: return "connection refused"
        case .cannotFindHost, .dnsLookupFailed: return "host not found"
        case .networkConnectionLost: return "connection lost"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return "TLS failure"
        case .badServerResponse: return "malformed HTTP response"
        default: return "transport error \(urlError.code.rawValue)"
        }
    }
}

/// Answers every redirect with "do not follow": the 3xx response itself is returned.
private final class RedirectRefusal: NSObject, URLSessionTaskDelegate, Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
