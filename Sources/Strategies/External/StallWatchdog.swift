import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Kills an external writer's process group when one `write` has been blocked longer than a limit, so that a
/// writer that stops reading its stdin fails the run (EPIPE, then the stall in the error) instead of hanging it.
///
/// The writing thread marks the start and end of each write (two relaxed atomic stores, no lock, no allocation); a
/// background thread looks four times a second. Thread-safe: only atomics are shared.
final class StallWatchdog: Sendable {
    private let writeStartedAt = Atomic<UInt64>(0)
    private let stopped = Atomic<Bool>(false)
    private let fired = Atomic<Bool>(false)
    /// The limit, in seconds.
    let limitSeconds: Double

    /// Starts watching the process group `pid`.
    init(pid: pid_t, limitSeconds: Double) {
        self.limitSeconds = limitSeconds
        let limitNanoseconds = UInt64(limitSeconds * 1e9)
        let thread = Thread { [self] in
            while !stopped.load(ordering: .relaxed) {
                usleep(250_000)
                let started = writeStartedAt.load(ordering: .relaxed)
                if started != 0 && Self.now() &- started > limitNanoseconds {
                    fired.store(true, ordering: .relaxed)
                    ExternalProcess.killGroup(pid)
                    return
                }
            }
        }
        thread.name = "writerbench.ext-watchdog"
        thread.start()
    }

    /// Whether the watchdog killed the writer.
    var hasFired: Bool { fired.load(ordering: .relaxed) }

    /// Marks the start of a write.
    func writeBegins() { writeStartedAt.store(Self.now(), ordering: .relaxed) }

    /// Marks the end of a write.
    func writeEnds() { writeStartedAt.store(0, ordering: .relaxed) }

    /// Ends the background thread (within a quarter second).
    func stop() { stopped.store(true, ordering: .relaxed) }

    private static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
