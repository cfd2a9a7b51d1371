/// Handles one request. Throwing means "unexpected failure": the pipeline answers 500
/// with a generic body and logs only the error's type.
public typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// Maps method + exact path to a handler. Routes are named by their path so metrics and
/// logs carry the route, never the raw (possibly personal) request path.
public struct Router: Sendable {
    /// What routing decided for a request.
    public enum Match: Sendable {
        /// A route matched: its name and handler.
        case found(route: String, handler: HTTPHandler)
        /// The path exists but not for this method; `allowed` goes into `Allow`.
        case methodNotAllowed(route: String, allowed: [String])
        /// No route has this path.
        case notFound
    }

    private var routes: [String: [String: HTTPHandler]] = [:]

    /// An empty router.
    public init() {}

    /// Registers `handler` for `method` on `path`. `GET` routes also answer `HEAD`.
    public mutating func add(_ method: String, _ path: String, _ handler: @escaping HTTPHandler) {
        precondition(routes[path]?[method] == nil, "route \(method) \(path) registered twice")
        routes[path, default: [:]][method.uppercased()] = handler
    }

    /// Registers a `GET` (and `HEAD`) route.
    public mutating func get(_ path: String, _ handler: @escaping HTTPHandler) { add("GET", path, handler) }

    /// Registers a `POST` route.
    public mutating func post(_ path: String, _ handler: @escaping HTTPHandler) { add("POST", path, handler) }

    /// Finds the handler for `method` and `path`.
    public func match(method: String, path: String) -> Match {
        guard let byMethod = routes[path] else { return .notFound }
        if let handler = byMethod[method] ?? (method == "HEAD" ? byMethod["GET"] : nil) {
            return .found(route: path, handler: handler)
        }
        var allowed = Set(byMethod.keys)
        if allowed.contains("GET") { allowed.insert("HEAD") }
        return .methodNotAllowed(route: path, allowed: allowed.sorted())
    }
}
