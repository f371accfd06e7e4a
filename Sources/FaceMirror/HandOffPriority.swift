#if canImport(Glibc)
import Glibc
#endif

/// Lifts the calling thread above every normally scheduled thread for the length of a batch hand-off.
///
/// During a hand-off the pipeline's thread only queues frames (well under a millisecond of CPU at 1080p), but with
/// three encoders' worker threads runnable on two cores the scheduler takes its core away at the end of its time
/// slice and gives it back only after the encoders' turns: 10–20 ms hand-offs with every queue empty (measured,
/// results/reports/2026-12-02-pipeline/). Under `SCHED_FIFO` priority 1 no normal thread preempts it; a `write`
/// that must wait for room still sleeps, so the encoders run meanwhile. Linux's real-time throttling bounds what a
/// real-time thread can take (95 % of each second by default). The pipeline restores the thread's policy after the
/// hand-off's last `write` has returned; back among the normal threads it then usually yields its core to the
/// encoders, as anywhere in processing (measured: restoring before the end of the timed window put 11–29 ms
/// preemptions into it, with every `write` of that hand-off under 0.1 ms).
///
/// Needs `CAP_SYS_NICE` (root) or an `RLIMIT_RTPRIO` of at least 1 (`ulimit -r`); without it ``raise()`` reports
/// `EPERM` and nothing changes.
struct HandOffPriority {
    private let policy: Int32
    private let priority: Int32

    /// Moves the calling thread to `SCHED_FIFO` priority 1, remembering its policy.
    ///
    /// - Returns: the raised priority to ``restore()`` later, or the `errno` value the system refused with.
    static func raise() -> Result<HandOffPriority, Errno> {
        var previous = sched_param()
        let policy = sched_getscheduler(0)
        guard policy >= 0, sched_getparam(0, &previous) == 0 else { return .failure(Errno(errno)) }
        var realtime = sched_param(sched_priority: 1)
        guard sched_setscheduler(0, Int32(SCHED_FIFO), &realtime) == 0 else { return .failure(Errno(errno)) }
        return .success(HandOffPriority(policy: policy, priority: previous.sched_priority))
    }

    /// Back to the policy the thread had (its nice value was kept throughout). Lowering is always allowed.
    func restore() {
        var previous = sched_param(sched_priority: priority)
        _ = sched_setscheduler(0, policy, &previous)
    }

    /// An `errno` value with its message.
    struct Errno: Error, CustomStringConvertible {
        let code: Int32
        init(_ code: Int32) { self.code = code }
        var description: String { String(cString: strerror(code)) }
    }
}
