#if canImport(Glibc)
import Glibc
#endif

extension FixedRateBenchmark {
    /// The open loop itself: C keep-alive connections driven by one thread with poll(2)
    /// and non-blocking reads, so the generator costs two system calls per request and no
    /// thread wake-ups of its own. Request i is sent at its due time on an idle connection,
    /// or as soon as one frees up (that wait counts in its latency). Answers are timed when
    /// the loop reads them; it looks at least every 1/R s (it sleeps at most until the next
    /// due request), which can only make latencies look longer.
    struct OpenLoop {
        struct Slot {
            var fd: Int32 = -1
            /// When the connection last finished an answer (or was opened).
            var idleFrom: Int64 = 0
            var parser = ResponseParser()
            var busy = false
            var due: Int64 = 0
            var sent: Int64 = 0
            /// When a connection was first free to send this request: its due time, or later
            /// when every connection was busy then.
            var readyAt: Int64 = 0
            /// refresh: the token this connection's chain presents next.
            var chain: String?
        }

        let options: Options
        let client: BenchClient
        let requests: OIDCRequests
        let pool: Pool
        let schedule: Schedule
        private let prepared: [[UInt8]]
        private var slots: [Slot] = []
        private var idle: [Int] = []
        private var polled: [pollfd] = []
        private var chunk = [UInt8](repeating: 0, count: 65_536)
        private var nextIndex = 0
        /// A connection idle this long is reopened before it is used again, as HTTP clients'
        /// pools do: the gateway closes keep-alive connections silent for 10 s by default
        /// (`http.connection_timeout_seconds`), and at a low rate the loop may leave some of
        /// its connections unused that long.
        static let maximumIdle: Int64 = 5_000_000_000
        /// Since when `idle` has been non-empty without a break.
        private var idleSince: Int64 = 0
        private var nextSpare: Int
        private var result = WorkerResult()

        init(options: Options, client: BenchClient, requests: OIDCRequests, pool: Pool, schedule: Schedule) {
            self.options = options
            self.client = client
            self.requests = requests
            self.pool = pool
            self.schedule = schedule
            nextSpare = options.connections
            prepared = switch options.kind {
            case .refresh: []
            case .introspect: pool.access.map { requests.introspect(client, token: $0) }
            case .userinfo: pool.access.map { requests.userinfo(accessToken: $0) }
            }
        }

        /// Runs the whole schedule; gives up on answers 10 s after the last due time.
        mutating func run() throws(HTTPConnection.Failure) -> WorkerResult {
            for index in 0..<options.connections {
                let fd = try HTTPConnection.connectedSocket(port: options.port)
                slots.append(Slot(fd: fd, idleFrom: LoadThreads.now(), chain: options.kind == .refresh ? pool.refresh[index] : nil))
                polled.append(pollfd(fd: fd, events: 0, revents: 0))
            }
            idle = Array((0..<options.connections).reversed())
            let giveUp = schedule.due(schedule.total) + 10_000_000_000
            while nextIndex < schedule.total || slots.contains(where: \.busy) {
                sendDue()
                if LoadThreads.now() > giveUp {
                    for slot in slots where slot.busy { result.failures.add("no answer"); if slot.due >= schedule.measureFrom { result.bad += 1 } }
                    break
                }
                waitForWork()
                readAnswers()
            }
            for slot in slots where slot.fd >= 0 { close(slot.fd) }
            return result
        }

        /// Sends every request that is due, while a connection is idle.
        private mutating func sendDue() {
            while nextIndex < schedule.total, let slot = idle.last, schedule.due(nextIndex) <= LoadThreads.now() {
                if options.kind == .refresh, slots[slot].chain == nil {
                    guard nextSpare < pool.refresh.count else {
                        result.failures.add("refresh pool exhausted")
                        idle.removeLast() // this connection has nothing left to present
                        close(slots[slot].fd)
                        slots[slot].fd = -1
                        polled[slot].fd = -1
                        continue
                    }
                    slots[slot].chain = pool.refresh[nextSpare]
                    nextSpare += 1
                }
                idle.removeLast()
                if LoadThreads.now() - slots[slot].idleFrom > Self.maximumIdle { reopen(slot) }
                send(slot, index: nextIndex)
                nextIndex += 1
            }
        }

        private mutating func send(_ slot: Int, index: Int) {
            let request = options.kind == .refresh ? requests.refresh(client, refreshToken: slots[slot].chain!) : prepared[index % prepared.count]
            slots[slot].due = schedule.due(index)
            slots[slot].readyAt = max(slots[slot].due, idleSince)
            slots[slot].sent = LoadThreads.now()
            slots[slot].busy = true
            polled[slot].events = Int16(POLLIN)
            do { try HTTPConnection.sendAll(request, on: slots[slot].fd) } catch { fail(slot, "transport") }
        }

        /// Sleeps until the next due request (if a connection is free to send it) or an answer.
        private mutating func waitForWork() {
            var timeout: Int32 = 100
            if nextIndex < schedule.total, !idle.isEmpty {
                let remaining = schedule.due(nextIndex) - LoadThreads.now()
                if remaining < 1_000_000 {
                    if remaining > 0 { LoadThreads.sleep(until: schedule.due(nextIndex)) }
                    timeout = 0
                } else {
                    timeout = Int32(remaining / 1_000_000)
                }
            }
            _ = poll(&polled, nfds_t(polled.count), timeout)
        }

        /// Reads what every busy connection has and completes its answer.
        private mutating func readAnswers() {
            for slot in slots.indices where slots[slot].busy && polled[slot].revents != 0 {
                polled[slot].revents = 0
                while slots[slot].busy {
                    let count = chunk.withUnsafeMutableBytes { recv(slots[slot].fd, $0.baseAddress!, $0.count, Int32(MSG_DONTWAIT)) }
                    if count < 0, errno == EAGAIN || errno == EINTR { break }
                    guard count > 0 else { fail(slot, "transport"); break }
                    chunk.withUnsafeBytes { slots[slot].parser.append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                    do {
                        if let reply = try slots[slot].parser.take() { complete(slot, reply) }
                    } catch { fail(slot, "framing") }
                }
            }
        }

        private mutating func complete(_ slot: Int, _ reply: HTTPReply) {
            let done = LoadThreads.now()
            let (ok, successor) = judge(reply)
            if !ok { result.failures.add("\(options.kind.rawValue) \(reply.status)") }
            let due = slots[slot].due
            if due >= schedule.measureFrom { record(slot, due: due, done: done, ok: ok) }
            slots[slot].chain = successor
            release(slot)
        }

        /// Latency from the due time; lag split into waiting for a free connection (the server
        /// held all of them) and the generator's own lateness after that.
        private mutating func record(_ slot: Int, due: Int64, done: Int64, ok: Bool) {
            let sent = slots[slot].sent, ready = slots[slot].readyAt
            result.latencies.append(done - due)
            result.lags.append(sent - due)
            result.generatorLags.append(sent - ready)
            if ready > due { result.queued += 1 }
            if ok { result.ok += 1 } else { result.bad += 1 }
            if done - due > 10_000_000 {
                result.slow.append("\((due - schedule.measureFrom) / 1_000_000) \((done - due) / 1_000) \((sent - due) / 1_000) \((ready - due) / 1_000)")
            }
        }

        /// A transport failure: the request counts as bad; a fresh connection takes the slot.
        private mutating func fail(_ slot: Int, _ kind: String) {
            result.failures.add(kind)
            if slots[slot].due >= schedule.measureFrom { result.bad += 1 }
            close(slots[slot].fd)
            slots[slot].parser.reset()
            slots[slot].chain = nil // the token may have been used: never present it again
            slots[slot].fd = (try? HTTPConnection.connectedSocket(port: options.port)) ?? -1
            polled[slot].fd = slots[slot].fd
            if slots[slot].fd >= 0 { release(slot) } else { slots[slot].busy = false }
        }

        /// A fresh connection for an idle slot (counted apart, not as a failure).
        private mutating func reopen(_ slot: Int) {
            result.reopened += 1
            close(slots[slot].fd)
            slots[slot].fd = (try? HTTPConnection.connectedSocket(port: options.port)) ?? -1
            polled[slot].fd = slots[slot].fd
        }

        private mutating func release(_ slot: Int) {
            slots[slot].busy = false
            slots[slot].idleFrom = LoadThreads.now()
            if idle.isEmpty { idleSince = LoadThreads.now() }
            polled[slot].events = 0
            idle.append(slot)
        }

        /// Whether the answer is a success with the expected content, and (refresh) the new token.
        private func judge(_ reply: HTTPReply) -> (ok: Bool, successor: String?) {
            guard reply.status == 200 else { return (false, nil) }
            switch options.kind {
            case .refresh:
                let successor = OIDCRequests.jsonString("refresh_token", in: reply.body)
                return (successor != nil && OIDCRequests.jsonString("access_token", in: reply.body) != nil, successor)
            case .introspect:
                return (reply.bodyContains("\"active\":true"), nil)
            case .userinfo:
                return (OIDCRequests.jsonString("sub", in: reply.body) != nil, nil)
            }
        }
    }
}
