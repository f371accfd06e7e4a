/// How the scheduler has treated one thread so far: time on a CPU, time runnable but waiting for one, and how often
/// it gave its CPU up (slept) or had it taken away. Two readings around a stretch of work tell where its wall time
/// went (``ThreadScheduleProbe`` takes them).
///
/// On a virtual machine whose kernel accounts steal time (Linux with `CONFIG_PARAVIRT_TIME_ACCOUNTING`), CPU time
/// excludes the time the host ran something else on the thread's virtual CPU, and the run-queue wait counts only
/// time the thread was runnable but not chosen. So for a stretch in which the thread never slept, wall time minus
/// both is time the host took: the thread was, as far as its own kernel knew, running.
public struct ThreadSchedule: Sendable, Equatable {
    /// Time on a CPU, nanoseconds (the thread's CPU clock, `CLOCK_THREAD_CPUTIME_ID`).
    public var cpuNanoseconds: UInt64
    /// Time runnable but waiting on a run queue, nanoseconds (`schedstat`, second field).
    public var runQueueNanoseconds: UInt64
    /// Voluntary context switches: the thread blocked (a lock, a condition, a full queue, I/O).
    public var voluntarySwitches: Int
    /// Involuntary context switches: the scheduler took its CPU away.
    public var involuntarySwitches: Int

    /// Creates a reading.
    public init(cpuNanoseconds: UInt64, runQueueNanoseconds: UInt64, voluntarySwitches: Int, involuntarySwitches: Int) {
        self.cpuNanoseconds = cpuNanoseconds
        self.runQueueNanoseconds = runQueueNanoseconds
        self.voluntarySwitches = voluntarySwitches
        self.involuntarySwitches = involuntarySwitches
    }

    /// The first two fields of a `schedstat` file ("CPU-ns RUNQUEUE-ns TIMESLICES"), nil when the text is not that.
    public static func parseSchedstat(_ text: Substring) -> (cpu: UInt64, runQueue: UInt64)? {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard fields.count >= 2, let cpu = UInt64(fields[0]), let runQueue = UInt64(fields[1]) else { return nil }
        return (cpu, runQueue)
    }
}
