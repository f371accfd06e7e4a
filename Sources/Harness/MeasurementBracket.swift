import Analysis

/// Brackets one measured block of work: wall time on the monotonic clock, the process's CPU times and its peak
/// resident memory, from ``start()`` to ``stop()``.
///
/// Starting resets the process's peak-memory mark (see ``PeakMemory``), so only one bracket may be open at a time in
/// a process; both runners measure one run at a time. Readings inside the block (per write, per batch) use
/// ``MonotonicClock`` directly and ``elapsed(until:)`` for time since the start.
public struct MeasurementBracket: Sendable {
    /// What a bracket measured.
    public struct Reading: Sendable {
        /// Monotonic clock reading (nanoseconds) when the bracket stopped.
        public let end: UInt64
        /// Wall time from start to stop.
        public let wall: Duration
        /// CPU time the process spent between start and stop, user and system.
        public let cpu: CPUTimes
        /// The high-water mark of resident memory since start, MiB; nil where /proc is unavailable.
        public let peakRSSMiB: Double?
    }

    /// Monotonic clock reading (nanoseconds) when the bracket started.
    public let start: UInt64
    private let cpuAtStart: CPUTimes

    private init(start: UInt64, cpuAtStart: CPUTimes) {
        self.start = start
        self.cpuAtStart = cpuAtStart
    }

    /// Resets the peak-memory mark, reads the CPU times, then the clock (last, so the setup is not timed).
    public static func start() -> MeasurementBracket {
        PeakMemory.resetPeak()
        let cpu = CPUTimes.now()
        return MeasurementBracket(start: MonotonicClock.now(), cpuAtStart: cpu)
    }

    /// Wall time from the start to `instant`, a reading of ``MonotonicClock/now()`` (default: now).
    public func elapsed(until instant: UInt64 = MonotonicClock.now()) -> Duration {
        MonotonicClock.elapsed(from: start, to: instant)
    }

    /// Reads the clock first (so the CPU and memory reads are not timed), then the CPU times and the peak memory.
    public func stop() -> Reading {
        let end = MonotonicClock.now()
        return Reading(end: end, wall: elapsed(until: end), cpu: CPUTimes.now().since(cpuAtStart),
                       peakRSSMiB: PeakMemory.peakMiB())
    }
}
