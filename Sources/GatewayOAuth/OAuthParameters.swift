/// The parameters of one OAuth request (query string or form body). RFC 6749 §3.1 and
/// §3.2: "Request and response parameters MUST NOT be included more than once", so a
/// parameter that appears twice is refused; an empty value counts as absent.
public struct OAuthParameters: Sendable, Equatable {
    private let values: [String: [String]]

    /// Parameters from name/value pairs in their order of appearance.
    public init(_ pairs: [(name: String, value: String)]) {
        var values = [String: [String]]()
        for (name, value) in pairs { values[name, default: []].append(value) }
        self.values = values
    }

    /// The single value of `name`, nil when absent or empty; `invalid_request` when given twice.
    public func single(_ name: String) throws(OAuthError) -> String? {
        guard let all = values[name] else { return nil }
        guard all.count == 1 else { throw OAuthError(.invalidRequest, "The parameter \(name) is given more than once.") }
        return all[0].isEmpty ? nil : all[0]
    }

    /// The single value of `name`; `invalid_request` when it is missing or given twice.
    public func required(_ name: String) throws(OAuthError) -> String {
        guard let value = try single(name) else { throw OAuthError(.invalidRequest, "The parameter \(name) is missing.") }
        return value
    }

    /// Whether `name` appears at all (even empty).
    public func contains(_ name: String) -> Bool { values[name] != nil }

    /// The names of every parameter that appears more than once.
    public var repeatedNames: [String] { values.filter { $0.value.count > 1 }.map(\.key).sorted() }

    /// The scope parameter as a set of scope tokens (RFC 6749 §3.3: space-delimited).
    public func scopes() throws(OAuthError) -> Set<String> {
        guard let scope = try single("scope") else { return [] }
        return Set(scope.split(separator: " ", omittingEmptySubsequences: true).map(String.init))
    }
}
