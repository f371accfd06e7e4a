#if canImport(Glibc)
import Glibc
#endif

/// CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID): what one thread consumed, however long it waited for a
/// core. Compared with wall time it shows how much of a stretch the thread actually ran.
public enum ThreadCPUClock {
    /// CPU nanoseconds the calling thread has used so far.
    @inline(__always)
    public static func now() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) &* 1_000_000_000 &+ UInt64(spec.tv_nsec)
    }
}
