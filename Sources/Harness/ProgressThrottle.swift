/// Lets progress reports through at most once per interval, so a live status line costs the measured loop one clock
/// comparison per frame or batch.
public struct ProgressThrottle: Sendable {
    /// How often the runners report progress: four times a second.
    public static let defaultInterval = Duration.milliseconds(250)

    private let intervalNanoseconds: UInt64
    private var last: UInt64

    /// A throttle whose first interval starts at `start`, a reading of ``MonotonicClock/now()``.
    public init(startingAt start: UInt64, interval: Duration = ProgressThrottle.defaultInterval) {
        let (seconds, attoseconds) = interval.components
        intervalNanoseconds = UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
        last = start
    }

    /// True when more than the interval has passed between the last report let through (or the start) and `now`, a
    /// reading of ``MonotonicClock/now()``; the next interval then starts at `now`.
    public mutating func isDue(at now: UInt64) -> Bool {
        guard now > last, now - last > intervalNanoseconds else { return false }
        last = now
        return true
    }
}
