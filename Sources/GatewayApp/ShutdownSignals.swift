#if canImport(Glibc)
import Glibc
#endif

/// SIGTERM/SIGINT handling without async signal handlers: block both before any worker
/// thread starts (threads inherit the mask), then wait for one synchronously.
public enum ShutdownSignals {
    /// Blocks SIGTERM and SIGINT for this and future threads, and ignores SIGPIPE.
    public static func block() {
        signal(SIGPIPE, SIG_IGN)
        var set = signals()
        pthread_sigmask(SIG_BLOCK, &set, nil)
    }

    /// Waits until SIGTERM or SIGINT arrives; returns its number.
    public static func wait() -> Int32 {
        var set = signals()
        var received: Int32 = 0
        sigwait(&set, &received)
        return received
    }

    private static func signals() -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        return set
    }
}
