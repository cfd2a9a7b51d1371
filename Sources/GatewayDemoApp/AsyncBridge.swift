import Dispatch
import Synchronization

/// Runs async work (the `GatewayVerifier` actor) from a synchronous HTTP handler and
/// waits for its result. The work runs on a task executor of its own (a concurrent
/// dispatch queue, SE-0417), not on the Swift concurrency pool: a handler thread blocked
/// here must never wait for a pool thread, because every pool thread may itself be
/// blocked (the pool has one thread per core, and test runners park synchronous tests
/// on it).
enum AsyncBridge {
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: BridgeExecutor.shared) {
            let value = await work()
            box.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return box.withLock { $0! }
    }
}

/// The executor of `AsyncBridge`: every job runs on a concurrent dispatch queue, which
/// grows threads as needed instead of sharing the cooperative pool.
final class BridgeExecutor: TaskExecutor {
    static let shared = BridgeExecutor()
    private let queue = DispatchQueue(label: "demo-app.async-bridge", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        queue.async { unowned.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
