#if canImport(Glibc)
import Analysis
import Glibc
#endif

/// Nanoseconds from a monotonic clock that never jumps (CLOCK_MONOTONIC), cheap enough to read around every write.
public enum MonotonicClock {
    /// Now, in nanoseconds since an arbitrary fixed point.
    @inline(__always)
    public static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }

    /// The time from `start` to `end`, both readings of ``now()``; `end` must not be earlier.
    @inline(__always)
    public static func elapsed(from start: UInt64, to end: UInt64) -> Duration {
        .nanoseconds(Int64(end - start))
    }

    /// Sleeps until the monotonic clock reads `deadline` (absolute, nanoseconds), resuming after signals.
    public static func sleep(until deadline: UInt64) {
        var spec = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &spec, nil) == EINTR {}
    }
}
