#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SIGPIPE, which a write to a pipe whose reader has gone raises, and whose default action kills the whole benchmark.
public enum BrokenPipeSignal {
    /// Ignores SIGPIPE process-wide (once; later calls do nothing), so that such a write fails with EPIPE and becomes
    /// an error the writer can report instead. Call it before writing to any pipe or to standard output. A child
    /// started with posix_spawn gets the default disposition back (`POSIX_SPAWN_SETSIGDEF`, see ChildProcess).
    public static func ignore() { _ = ignored }

    private static let ignored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()
}
