internal import Foundation

/// Where and how `HTTPLibrarySystem` reaches the library system's JSON API.
public struct HTTPLibrarySystemConfiguration: Sendable, Equatable {
    /// `http` or `https` URL the API paths are appended to, without a trailing slash
    /// (`https://ils.example.org/gateway/v1`).
    public let baseURL: String
    /// Seconds one call may take in all, connecting included; beyond it the call fails
    /// as unavailable.
    public let timeoutSeconds: Double
    /// Sent as `Authorization: Bearer …` when set.
    public let bearerToken: String?
    /// Largest response body accepted; a bigger one counts as unavailable.
    public let maximumResponseBytes: Int

    /// A validated configuration.
    /// - Throws: `LibrarySystemSetupError.invalid` naming `base_url`, `timeout_seconds` or
    ///   `bearer_token`.
    public init(
        baseURL: String, timeoutSeconds: Double = 3, bearerToken: String? = nil, maximumResponseBytes: Int = 1 << 20
    ) throws(LibrarySystemSetupError) {
        let trimmed = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
              url.host?.isEmpty == false, url.query == nil, url.fragment == nil, url.user == nil else {
            throw .invalid(field: "base_url", reason: "must be an http or https URL without query, fragment or user info")
        }
        guard timeoutSeconds > 0, timeoutSeconds <= 60 else {
            throw .invalid(field: "timeout_seconds", reason: "must be more than 0 and at most 60")
        }
        if let bearerToken, bearerToken.isEmpty || !bearerToken.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) {
            throw .invalid(field: "bearer_token", reason: "must be visible ASCII without spaces")
        }
        self.baseURL = trimmed
        self.timeoutSeconds = timeoutSeconds
        self.bearerToken = bearerToken
        self.maximumResponseBytes = max(1024, maximumResponseBytes)
    }
}
