internal import CMicroHTTPD
import Dispatch
import Synchronization

// libmicrohttpd's C callbacks. They live in this file, not in main.swift: a top-level
// function there is inferred @MainActor and dies when MHD calls it from its own thread.

/// Called first for every request with the raw request target; its result becomes the
/// request's `con_cls`, so state (and the in-flight count) exists from the very start.
let uriLogCallback: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?) -> UnsafeMutableRawPointer? = { cls, uri, _ in
    let context = Unmanaged<ServerContext>.fromOpaque(cls!).takeUnretainedValue()
    context.inFlight.add(1, ordering: .relaxed)
    let target = uri.map { String(cString: $0) } ?? "/"
    return Unmanaged.passRetained(RequestState(target: target)).toOpaque()
}

/// Admits a new connection unless its client address already holds
/// `http.max_connections_per_ip` connections across all workers. MHD calls it only after
/// its own checks (the worker's connection limit), so every admitted connection is either
/// started — and later reported closed — or never counted.
let acceptPolicyCallback: MHD_AcceptPolicyCallback = { cls, address, _ in
    let context = Unmanaged<ServerContext>.fromOpaque(cls!).takeUnretainedValue()
    guard context.connectionsPerAddress > 0 else { return .YES }
    return context.admit(SocketAddress.text(of: address)) ? .YES : .NO
}

/// Uncounts a closed connection (see `acceptPolicyCallback`).
let connectionNotifyCallback: MHD_NotifyConnectionCallback = { cls, connection, _, code in
    guard code == .CONNECTION_NOTIFY_CLOSED else { return }
    let context = Unmanaged<ServerContext>.fromOpaque(cls!).takeUnretainedValue()
    guard context.connectionsPerAddress > 0, let connection else { return }
    context.release(SocketAddress.text(of: gateway_mhd_client_address(connection)))
}

/// Called when MHD is done with a request (sent, failed or timed out): frees its state.
let completedCallback: MHD_RequestCompletedCallback = { cls, _, conCls, _ in
    let context = Unmanaged<ServerContext>.fromOpaque(cls!).takeUnretainedValue()
    guard let slot = conCls, let state = slot.pointee else { return }
    Unmanaged<RequestState>.fromOpaque(state).release()
    slot.pointee = nil
    context.inFlight.subtract(1, ordering: .relaxed)
}

/// The access handler: first call = headers (check the declared body size), middle calls
/// = body chunks, last call = answer. Keep-alive needs the first call to return YES
/// without queueing (see NOTES-C-LIBRARIES.md).
let accessHandler: MHD_AccessHandlerCallback = { cls, connection, _, method, version, uploadData, uploadSize, conCls in
    let context = Unmanaged<ServerContext>.fromOpaque(cls!).takeUnretainedValue()
    guard let connection, let conCls, let raw = conCls.pointee, let uploadSize else { return .NO }
    let state = Unmanaged<RequestState>.fromOpaque(raw).takeUnretainedValue()
    if !state.headersSeen {
        state.headersSeen = true
        guard declaredLength(connection) > context.maxBodyBytes else { return .YES }
        return reject(state, connection, context, method)
    }
    if uploadSize.pointee > 0 {
        let size = uploadSize.pointee
        uploadSize.pointee = 0
        return receive(UnsafeRawBufferPointer(start: uploadData, count: size), into: state, limit: context.maxBodyBytes)
    }
    if state.rejected { return reject(state, connection, context, method) }
    if let pending = state.pending { return queue(pending, on: connection, context: context) }
    var request = makeRequest(connection, method: method, state: state)
    request.version = version.map { String(cString: $0) } ?? "HTTP/1.1"
    guard context.responder.isBlocking(request) else { return queue(context.responder.respond(to: request), on: connection, context: context) }
    answerOffThread(request, state: state, connection: connection, context: context)
    return .YES
}

/// Suspends the connection, answers on a blocking thread, then resumes it: MHD calls the
/// access handler again and the stored response is queued on the worker thread.
private func answerOffThread(_ request: HTTPRequest, state: RequestState, connection: OpaquePointer, context: ServerContext) {
    let handle = SuspendedConnection(pointer: connection)
    MHD_suspend_connection(connection)
    context.blockingQueue.async {
        state.pending = context.responder.respond(to: request)
        MHD_resume_connection(handle.pointer)
    }
}

/// A suspended connection's handle, passed to the one thread that will resume it.
private struct SuspendedConnection: @unchecked Sendable {
    let pointer: OpaquePointer
}

/// Appends a body chunk. A chunked body that outgrows the limit cannot be answered at
/// once (MHD accepts a response only before or after the body), so the rest is discarded
/// and 413 sent at its end; a client that keeps streaming far past the limit is cut off.
private func receive(_ chunk: UnsafeRawBufferPointer, into state: RequestState, limit: Int) -> MHD_Result {
    if state.rejected {
        state.discarded += chunk.count
        return state.discarded > limit * 16 ? .NO : .YES
    }
    guard state.body.count + chunk.count <= limit else {
        state.rejected = true
        state.discarded = state.body.count + chunk.count
        state.body = []
        return .YES
    }
    state.body.append(contentsOf: chunk)
    return .YES
}

private func reject(_ state: RequestState, _ connection: OpaquePointer, _ context: ServerContext,
                    _ method: UnsafePointer<CChar>?) -> MHD_Result {
    state.rejected = true
    state.body = []
    let request = makeRequest(connection, method: method, state: state)
    return queue(context.responder.bodyTooLarge(request, limit: context.maxBodyBytes), on: connection, context: context)
}

private func declaredLength(_ connection: OpaquePointer) -> Int {
    guard let value = MHD_lookup_connection_value(connection, .HEADER_KIND, "Content-Length") else { return 0 }
    return Int(String(cString: value)) ?? 0
}

private func makeRequest(_ connection: OpaquePointer, method: UnsafePointer<CChar>?, state: RequestState) -> HTTPRequest {
    let (path, query) = URLDecoding.splitTarget(state.target)
    let collector = HeaderCollector()
    let box = Unmanaged.passUnretained(collector).toOpaque()
    MHD_get_connection_values(connection, .HEADER_KIND, headerIterator, box)
    let peer = SocketAddress.text(of: gateway_mhd_client_address(connection))
    return HTTPRequest(method: method.map { String(cString: $0) } ?? "GET", path: path, queryItems: query,
                       headers: collector.headers, body: state.body, peerAddress: peer)
}

private let headerIterator: MHD_KeyValueIterator = { cls, _, key, value in
    guard let cls, let key else { return .YES }
    let collector = Unmanaged<HeaderCollector>.fromOpaque(cls).takeUnretainedValue()
    collector.headers.add(String(cString: key), value.map { String(cString: $0) } ?? "")
    return .YES
}

private func queue(_ response: HTTPResponse, on connection: OpaquePointer, context: ServerContext) -> MHD_Result {
    let handle = response.body.withUnsafeBytes { bytes in
        MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress), .RESPMEM_MUST_COPY)
    }
    guard let handle else { return .NO }
    defer { MHD_destroy_response(handle) }
    for field in response.headers { _ = MHD_add_response_header(handle, field.name, field.value) }
    if context.draining.load(ordering: .relaxed) { _ = MHD_add_response_header(handle, "Connection", "close") }
    return MHD_queue_response(connection, UInt32(response.status), handle)
}
