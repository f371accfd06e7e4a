import Analysis
import Harness

/// Where the wall time of one batch hand-off went, from the pipeline thread's ``ThreadSchedule`` read just before
/// and just after it: on a CPU, waiting for a core, asleep (a full queue, a lock), or taken by the host.
///
/// The host's share is only named when it is certain: in a hand-off during which the thread never slept, the time
/// it spent neither on a CPU nor waiting for one is time its virtual CPU did not run (steal; see ``ThreadSchedule``).
/// A hand-off that slept cannot tell sleep from steal, and counts all of it as its own.
public struct HandOffAccount: Sendable, Equatable {
    /// The hand-off's wall time (the batch-transition delay), ms.
    public var delayMs: Double
    /// CPU time the pipeline's thread used in it, ms.
    public var cpuMs: Double
    /// Time it was runnable but waited for a core, ms.
    public var runQueueMs: Double
    /// Times it blocked (voluntary context switches).
    public var sleeps: Int
    /// Times the scheduler took its core away (involuntary context switches).
    public var preemptions: Int

    /// Creates an account from its parts.
    public init(delayMs: Double, cpuMs: Double, runQueueMs: Double, sleeps: Int, preemptions: Int) {
        self.delayMs = delayMs
        self.cpuMs = cpuMs
        self.runQueueMs = runQueueMs
        self.sleeps = sleeps
        self.preemptions = preemptions
    }

    /// The account of a hand-off that took `delayMs` between the readings `before` and `after`.
    public init(delayMs: Double, from before: ThreadSchedule, to after: ThreadSchedule) {
        func ms(_ later: UInt64, _ earlier: UInt64) -> Double { later >= earlier ? Double(later - earlier) / 1e6 : 0 }
        self.init(delayMs: delayMs, cpuMs: ms(after.cpuNanoseconds, before.cpuNanoseconds),
                  runQueueMs: ms(after.runQueueNanoseconds, before.runQueueNanoseconds),
                  sleeps: max(0, after.voluntarySwitches - before.voluntarySwitches),
                  preemptions: max(0, after.involuntarySwitches - before.involuntarySwitches))
    }

    /// Wall time neither on a CPU nor waiting for one: asleep, or taken by the host, ms (never negative; the
    /// readings bracket the delay by a few microseconds).
    public var offCPUMs: Double { max(0, delayMs - cpuMs - runQueueMs) }

    /// Time the host took from the hand-off, ms: all of ``offCPUMs`` when the thread never slept, else 0.
    public var stolenMs: Double { sleeps == 0 ? offCPUMs : 0 }

    /// The delay the pipeline itself is answerable for: the delay without ``stolenMs``.
    public var delayExcludingStealMs: Double { delayMs - stolenMs }

    /// `CPU/RUNQUEUE/OFFCPU/SLEEPS` for the CSV, e.g. `0.31/0.00/0.02/0` (ms with two decimals, then a count).
    public var compactText: String {
        [cpuMs, runQueueMs, offCPUMs].map { RunRecord.format($0, 2) }.joined(separator: "/") + "/\(sleeps)"
    }

    /// One phrase for the console, e.g. "0.31 ms on CPU, 0.00 waiting for a core, 15.16 off CPU without sleeping
    /// (taken by the host), 1 preemption".
    public var summary: String {
        func f(_ value: Double) -> String { RunRecord.format(value, 2) }
        let off = sleeps > 0 ? "\(f(offCPUMs)) asleep or taken by the host (\(sleeps) sleep\(sleeps == 1 ? "" : "s"))"
            : offCPUMs >= 0.005 ? "\(f(offCPUMs)) off CPU without sleeping (taken by the host)"
            : "\(f(offCPUMs)) off CPU"
        return "\(f(cpuMs)) ms on CPU, \(f(runQueueMs)) waiting for a core, \(off), \(preemptions) preemption\(preemptions == 1 ? "" : "s")"
    }
}
