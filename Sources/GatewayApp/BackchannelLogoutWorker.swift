import Dispatch
import Foundation
import FoundationNetworking
import GatewayCore
import GatewayOutbound
import Synchronization

/// The one background thread that POSTs logout tokens. It always takes the delivery due
/// soonest; a failed attempt is put back with a later due time instead of being slept on,
/// so an application that is down never holds up another application's logout. Requests
/// to an application that hangs do occupy the thread, at most `timeoutSeconds` each.
final class BackchannelLogoutWorker: Sendable {
    private struct State {
        var schedule: BackchannelLogoutSchedule
        var stopping = false
        var drainDeadline = Double.infinity
    }

    private enum AttemptResult {
        case delivered(status: Int)
        case failed(reason: String)
    }

    private enum Step {
        case deliver(BackchannelLogoutDelivery)
        case wait(until: Double?)
        case exit(abandoned: Int)
    }

    private let state: Mutex<State>
    /// Signalled on every enqueue and on stop; the thread sleeps on it until the next due time.
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let configuration: BackchannelLogoutConfiguration
    private let client: BlockingHTTPClient
    private let metrics: BackchannelLogoutMetrics
    private let logger: Logger
    private let clock: any Clock

    /// A worker; `start()` launches its thread.
    init(configuration: BackchannelLogoutConfiguration, metrics: BackchannelLogoutMetrics, logger: Logger, clock: any Clock) {
        state = Mutex(State(schedule: BackchannelLogoutSchedule(capacity: configuration.capacity)))
        self.configuration = configuration
        client = BlockingHTTPClient(timeoutSeconds: configuration.timeoutSeconds,
                                    maximumResponseBytes: configuration.maximumResponseBytes)
        self.metrics = metrics
        self.logger = logger
        self.clock = clock
    }

    /// Launches the thread; it keeps the worker alive until it has drained after `stop`.
    func start() {
        let thread = Thread { [self] in
            while let delivery = nextDelivery() { attempt(delivery) }
            finished.signal()
        }
        thread.name = "backchannel-logout"
        thread.start()
    }

    /// Queues `deliveries` (one session's logout, in order) under one lock, so the worker
    /// sees them together; those that do not fit, or arrive after `stop`, are dropped,
    /// counted and logged instead. Never blocks on the network.
    func enqueue(_ deliveries: [BackchannelLogoutDelivery]) {
        guard !deliveries.isEmpty else { return }
        let refused = state.withLock { state -> [BackchannelLogoutDelivery] in
            var refused: [BackchannelLogoutDelivery] = []
            for delivery in deliveries where state.stopping || !state.schedule.insert(delivery) { refused.append(delivery) }
            return refused
        }
        for delivery in refused { drop(delivery, reason: "queue full or stopped") }
        if refused.count < deliveries.count { wake.signal() }
    }

    /// Stops taking deliveries, keeps sending what is already due for at most
    /// `drainSeconds`, abandons scheduled retries, and waits (bounded) for the thread.
    /// Only the first call waits.
    func stop() {
        let first = state.withLock { state -> Bool in
            guard !state.stopping else { return false }
            state.stopping = true
            state.drainDeadline = clock.monotonicSeconds() + configuration.drainSeconds
            return true
        }
        wake.signal()
        guard first else { return }
        _ = finished.wait(timeout: .now() + configuration.drainSeconds + configuration.timeoutSeconds + 1)
    }

    /// Asks the thread to finish without waiting and without draining.
    func abandon() {
        state.withLock { state in
            state.stopping = true
            state.drainDeadline = -Double.infinity
        }
        wake.signal()
    }

    /// Blocks until a delivery is due and returns it; nil when the thread should end.
    private func nextDelivery() -> BackchannelLogoutDelivery? {
        while true {
            let now = clock.monotonicSeconds()
            switch step(at: now) {
            case .deliver(let delivery):
                return delivery
            case .wait(let due?):
                _ = wake.wait(timeout: .now() + max(0, due - now))
            case .wait(nil):
                wake.wait()
            case .exit(let abandoned):
                if abandoned > 0 {
                    metrics.record(.dropped, count: abandoned)
                    logger.warning("backchannel_logout_abandoned", ["outcome": "dropped", "count": .int(abandoned)])
                }
                return nil
            }
        }
    }

    private func step(at now: Double) -> Step {
        state.withLock { state -> Step in
            if state.stopping, now >= state.drainDeadline { return .exit(abandoned: state.schedule.removeAll()) }
            if let due = state.schedule.popDue(at: now) { return .deliver(due) }
            if state.stopping { return .exit(abandoned: state.schedule.removeAll()) }
            return .wait(until: state.schedule.nextDue)
        }
    }

    /// One POST; on failure either a retry is scheduled or the delivery is given up.
    private func attempt(_ delivery: BackchannelLogoutDelivery) {
        var delivery = delivery
        delivery.attempts += 1
        switch post(delivery) {
        case .delivered(let status):
            metrics.record(.delivered)
            logger.info("backchannel_logout", [
                "client_id": .string(delivery.clientID), "outcome": "delivered", "attempt": .int(delivery.attempts),
                "status": .int(status),
            ])
        case .failed(let reason):
            retryOrGiveUp(delivery, reason: reason)
        }
    }

    private func retryOrGiveUp(_ delivery: BackchannelLogoutDelivery, reason: String) {
        var retry = delivery
        retry.dueAt = clock.monotonicSeconds() + configuration.delay(afterAttempt: delivery.attempts)
        let scheduled = delivery.attempts < configuration.maximumAttempts
            && state.withLock { state in !state.stopping && state.schedule.insert(retry) }
        guard scheduled else {
            metrics.record(.failed)
            logger.warning("backchannel_logout", [
                "client_id": .string(delivery.clientID), "outcome": "failed", "attempt": .int(delivery.attempts),
                "reason": .string(reason),
            ])
            return
        }
        metrics.recordRetry()
        logger.info("backchannel_logout", [
            "client_id": .string(delivery.clientID), "outcome": "retry_scheduled", "attempt": .int(delivery.attempts),
            "reason": .string(reason),
        ])
    }

    private func drop(_ delivery: BackchannelLogoutDelivery, reason: String) {
        metrics.record(.dropped)
        logger.warning("backchannel_logout", [
            "client_id": .string(delivery.clientID), "outcome": "dropped", "attempt": .int(delivery.attempts),
            "reason": .string(reason),
        ])
    }

    /// Back-Channel Logout 1.0 §2.5: `logout_token` in a form-encoded POST body; any 2xx
    /// is success (§2.8 names 200 and 204). Redirects are not followed.
    private func post(_ delivery: BackchannelLogoutDelivery) -> AttemptResult {
        var request = URLRequest(url: delivery.endpoint, cachePolicy: .reloadIgnoringLocalCacheData,
                                 timeoutInterval: configuration.timeoutSeconds)
        request.httpMethod = "POST"
        request.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(("logout_token=" + Self.formEncoded(delivery.token)).utf8)
        do throws(OutboundHTTPError) {
            let response = try client.send(request, label: "POST backchannel_logout_uri")
            return (200..<300).contains(response.status) ? .delivered(status: response.status)
                : .failed(reason: "status \(response.status)")
        } catch {
            return .failed(reason: error.description)
        }
    }

    /// A JWS compact token is base64url and dots, which need no encoding; anything else
    /// is percent-encoded so the body stays well-formed whatever the token holds.
    private static func formEncoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: formSafe) ?? value
    }

    private static let formSafe = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}
