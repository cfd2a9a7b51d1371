public import GatewayCore
import Synchronization

/// A clock that stands still until a test moves it.
public final class ManualClock: Clock {
    private let seconds: Mutex<Double>

    /// A clock at `start` seconds since the epoch.
    public init(at start: Double = 1_800_000_000) { seconds = Mutex(start) }

    /// The current manual time.
    public func now() -> Instant { Instant(secondsSinceEpoch: seconds.withLock { $0 }) }
    /// The same value, as monotonic seconds.
    public func monotonicSeconds() -> Double { seconds.withLock { $0 } }
    /// Moves the clock forward.
    public func advance(by delta: Double) { seconds.withLock { $0 += delta } }
}
