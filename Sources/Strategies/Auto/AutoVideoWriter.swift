/// The writer ``AutoStrategy`` opened, with the decision that picked it: forwards every call and puts the decision's
/// summary first in the report's notes, so each CSV row says which encoder `auto` used and why.
///
/// Confined to one thread at a time, like the writer it wraps.
public final class AutoVideoWriter: VideoWriter {
    /// What `auto` opened and what it passed over, fallbacks at open time included; print its
    /// ``AutoDecision/summary`` when the writer opens.
    public let decision: AutoDecision
    private let inner: any VideoWriter

    init(wrapping inner: any VideoWriter, decision: AutoDecision) {
        self.inner = inner
        self.decision = decision
    }

    public func write(_ frame: Frame) throws {
        try inner.write(frame)
    }

    public func finish() throws -> WriterReport {
        var report = try inner.finish()
        report.notes.insert(decision.summary, at: 0)
        return report
    }

    public func abort() {
        inner.abort()
    }

    /// The chosen writer's queue bound (nil when it has no queue, as OpenCV's).
    public var queueCapacity: QueueCapacity? { inner.queueCapacity }

    /// Frames waiting in the chosen writer's queue.
    public var queuedFrames: Int { inner.queuedFrames }

    /// Holds or releases the chosen writer's wake-ups.
    public func holdWakeUps(_ hold: Bool) { inner.holdWakeUps(hold) }
}
