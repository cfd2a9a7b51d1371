#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// hiredis writes with `write(2)`. Writing to a socket the server has reset raises SIGPIPE,
/// whose default action kills the whole gateway instead of failing that one write with
/// EPIPE (which becomes `.unavailable`).
enum BrokenPipe {
    /// Ignores SIGPIPE, once per process, unless the process already chose a disposition.
    static let ignoredUnlessHandled: Void = {
        var current = sigaction()
        guard sigaction(SIGPIPE, nil, &current) == 0 else { return }
        #if canImport(Glibc)
        let isDefault = current.__sigaction_handler.sa_handler == nil
        #else
        let isDefault = current.__sigaction_u.__sa_handler == nil
        #endif
        if isDefault {
            _ = signal(SIGPIPE, SIG_IGN)
        }
    }()
}
