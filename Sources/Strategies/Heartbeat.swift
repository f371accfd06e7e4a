#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The last time a writer showed a sign of life (took bytes, wrote output, finished a frame), shared between an
/// inner writer and the ``AsyncVideoWriter`` that waits for it, so that the waiter's bound counts from the last
/// progress rather than from the start of a long but healthy `finish`.
final class Heartbeat: Sendable {
    private let last = Atomic<UInt64>(0)

    init() { beat() }

    /// Records progress now.
    func beat() { last.store(Self.now(), ordering: .relaxed) }

    /// Nanoseconds since the last ``beat()``.
    var nanosecondsSinceLastBeat: UInt64 {
        let now = Self.now(), then = last.load(ordering: .relaxed)
        return now > then ? now - then : 0
    }

    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
