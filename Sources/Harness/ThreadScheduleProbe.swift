#if canImport(Glibc)
import Glibc
#endif

/// Reads ``ThreadSchedule`` for the thread that created it: its CPU clock, the run-queue wait from
/// `/proc/thread-self/schedstat` (kept open: one `pread` per reading, a few microseconds) and
/// `getrusage(RUSAGE_THREAD)` for the context switches.
///
/// `/proc/thread-self` names the thread that opens it, so a probe belongs to its creating thread: read it there
/// only. Nil where the file is missing (a kernel without `CONFIG_SCHED_INFO`, or not Linux).
public final class ThreadScheduleProbe {
    /// The open schedstat file; closed in `deinit`.
    private let descriptor: Int32

    /// Opens the calling thread's schedstat file; nil when it cannot be read.
    public init?() {
        let opened = open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC)
        guard opened >= 0 else { return nil }
        // Checked before the descriptor is stored, so that it is closed exactly once: here, or in deinit.
        guard Self.runQueueNanoseconds(opened) != nil else {
            close(opened)
            return nil
        }
        descriptor = opened
    }

    deinit { close(descriptor) }

    /// `RUSAGE_THREAD` (Linux's `<sys/resource.h>`, declared only under `_GNU_SOURCE`, so not imported by Glibc).
    private static let rusageThread: Int32 = 1

    /// The creating thread's schedule so far; nil if a read fails.
    public func read() -> ThreadSchedule? {
        guard let runQueue = Self.runQueueNanoseconds(descriptor) else { return nil }
        var usage = rusage()
        guard getrusage(Self.rusageThread, &usage) == 0 else { return nil }
        // CPU from the thread's CPU clock, not schedstat's first field: that one is brought up to date only at
        // scheduler events, so for the running thread it lags by up to a tick; the clock adds the current stretch.
        return ThreadSchedule(cpuNanoseconds: ThreadCPUClock.now(), runQueueNanoseconds: runQueue,
                              voluntarySwitches: usage.ru_nvcsw, involuntarySwitches: usage.ru_nivcsw)
    }

    /// The run-queue wait in the schedstat file open at `descriptor`, read from its start; nil if unreadable.
    private static func runQueueNanoseconds(_ descriptor: Int32) -> UInt64? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 96) { buffer in
            let count = pread(descriptor, buffer.baseAddress, buffer.count, 0)
            guard count > 0 else { return nil }
            return ThreadSchedule.parseSchedstat(Substring(decoding: buffer[..<count], as: UTF8.self))?.runQueue
        }
    }
}
