/// Handles one request. Throwing means "unexpected failure": the pipeline answers 500
/// with a generic body and logs only the error's type.
public typealias HTTPHandler = @Sendable (HTTPRequest) throws -> HTTPResponse

/// Decides, per request, whether a route's handler may block for long (hash a password)
/// and must run off the worker threads.
public typealias BlockingRule = @Sendable (HTTPRequest) -> Bool

/// Maps method + exact path to a handler. Routes are named by their path so metrics and
/// logs carry the route, never the raw (possibly personal) request path.
public struct Router: Sendable {
    /// What routing decided for a request.
    public enum Match: Sendable {
        /// A route matched: its name, handler, and whether it blocks for long (see `add`).
        case found(route: String, handler: HTTPHandler, blocking: BlockingRule)
        /// The path exists but not for this method; `allowed` goes into `Allow`.
        case methodNotAllowed(route: String, allowed: [String])
        /// No route has this path.
        case notFound
    }

    private var routes: [String: [String: (handler: HTTPHandler, blocking: BlockingRule)]] = [:]

    /// An empty router.
    public init() {}

    /// Registers `handler` for `method` on `path`. `GET` routes also answer `HEAD`.
    /// `blocking` routes (those that hash passwords) run off the server's worker threads,
    /// so a login storm cannot delay the other requests those threads serve.
    public mutating func add(_ method: String, _ path: String, blocking: Bool = false, _ handler: @escaping HTTPHandler) {
        add(method, path, blockingWhen: { _ in blocking }, handler)
    }

    /// Registers `handler` for `method` on `path`, running it off the worker threads only for
    /// the requests `blockingWhen` picks (those that will hash; the rest stay on the fast path).
    public mutating func add(_ method: String, _ path: String, blockingWhen: @escaping BlockingRule, _ handler: @escaping HTTPHandler) {
        precondition(routes[path]?[method] == nil, "route \(method) \(path) registered twice")
        routes[path, default: [:]][method.uppercased()] = (handler, blockingWhen)
    }

    /// Registers a `GET` (and `HEAD`) route.
    public mutating func get(_ path: String, _ handler: @escaping HTTPHandler) { add("GET", path, handler) }

    /// Registers a `POST` route.
    public mutating func post(_ path: String, blocking: Bool = false, _ handler: @escaping HTTPHandler) {
        add("POST", path, blocking: blocking, handler)
    }

    /// Finds the handler for `method` and `path`.
    public func match(method: String, path: String) -> Match {
        guard let byMethod = routes[path] else { return .notFound }
        if let entry = byMethod[method] ?? (method == "HEAD" ? byMethod["GET"] : nil) {
            return .found(route: path, handler: entry.handler, blocking: entry.blocking)
        }
        var allowed = Set(byMethod.keys)
        if allowed.contains("GET") { allowed.insert("HEAD") }
        return .methodNotAllowed(route: path, allowed: allowed.sorted())
    }
}
