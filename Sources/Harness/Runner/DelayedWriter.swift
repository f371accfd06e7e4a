import Analysis
import Strategies
#if canImport(Glibc)
import Glibc
#endif

/// A debugging aid that makes every `write` of another writer slower by a fixed delay, so that regression checks
/// (`compare`, the gate) can be shown to catch a slowdown. Selected with `run --debug-write-delay-us`; never used
/// otherwise, and recorded in the row's reason when it is.
final class DelayedWriter: VideoWriter {
    private let inner: any VideoWriter
    private let delayMicroseconds: UInt32

    init(wrapping inner: any VideoWriter, delayMicroseconds: UInt32) {
        self.inner = inner
        self.delayMicroseconds = delayMicroseconds
    }

    func write(_ frame: Frame) throws {
        // A spin on the monotonic clock, not usleep: a sleep overshoots by the kernel's timer slack (50 µs by
        // default), which would make a "2×" slowdown of a 40 µs write a 3× one. The delay is then what was asked.
        let deadline = MonotonicClock.now() + UInt64(delayMicroseconds) * 1_000
        while MonotonicClock.now() < deadline {}
        try inner.write(frame)
    }

    func finish() throws -> WriterReport {
        var report = try inner.finish()
        report.notes.append("debug: every write delayed by \(delayMicroseconds) us")
        return report
    }

    func abort() { inner.abort() }

    var queueCapacity: QueueCapacity? { inner.queueCapacity }

    var queuedFrames: Int { inner.queuedFrames }

    func holdWakeUps(_ hold: Bool) { inner.holdWakeUps(hold) }
}
